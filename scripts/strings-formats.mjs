/**
 * The file formats of the translator's round trip, with small strict readers (no dependency): XLIFF 1.2 (what
 * translation memory tools read), CSV (RFC 4180, for a spreadsheet) and JSON with the source span of every
 * value (so an import edits one Welsh value of a feed in place and leaves every other byte alone).
 *
 * Placeholders: `{name}` in the project's texts and in CSV; in XLIFF an inline `<x id="name"/>`, which tools
 * keep as a protected tag. A returned `{name}` typed as text in XLIFF reads the same.
 */

// ---- JSON with spans --------------------------------------------------------------------------------------------

/** JSON.parse, and a map of JSON pointer -> { start, end } offsets of each value in `text`. */
export function parseJsonWithSpans(text) {
  const spans = new Map();
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (what) => {
    throw new SyntaxError(`JSON at offset ${i}: ${what}`);
  };
  const space = () => {
    while (' \t\n\r'.includes(text[i] ?? '!')) i++;
  };
  const token = (pattern, what) => {
    pattern.lastIndex = i;
    const found = pattern.exec(text);
    if (!found) fail(`${what} expected`);
    i = pattern.lastIndex;
    return JSON.parse(found[0]);
  };
  // JSON strings may not hold raw control characters (U+0000 to U+001F).
  // eslint-disable-next-line no-control-regex
  const string = () => token(/"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y, 'a string');
  const members = (close, readMember) => {
    i++;
    space();
    if (text[i] === close) return void i++;
    for (;;) {
      readMember();
      space();
      if (text[i] === ',') i++;
      else if (text[i] === close) return void i++;
      else fail(`"," or "${close}" expected`);
    }
  };
  const value = (pointer) => {
    space();
    const start = i;
    let result;
    if (text[i] === '{') {
      result = {};
      members('}', () => {
        space();
        const key = string();
        space();
        if (text[i++] !== ':') fail('":" expected');
        const child = value(`${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
        Object.defineProperty(result, key, { value: child, enumerable: true, writable: true, configurable: true });
      });
    } else if (text[i] === '[') {
      result = [];
      members(']', () => result.push(value(`${pointer}/${result.length}`)));
    } else if (text[i] === '"') result = string();
    else result = token(/-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?|true|false|null/y, 'a value');
    spans.set(pointer, { start, end: i });
    return result;
  };
  const result = value('');
  space();
  if (i < text.length) fail('text after the value');
  return { value: result, spans };
}

// ---- XML --------------------------------------------------------------------------------------------------------

const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decodeEntities(raw, fail) {
  return raw.replace(/&(?:(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);)?/g, (match, name) => {
    if (!name) fail('a bare "&" (write &amp;)');
    if (name.startsWith('#x')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(parseInt(name.slice(1), 10));
    return ENTITIES[name];
  });
}

const OPEN_TAG = /<([A-Za-z_][\w.:-]*)((?:\s+[A-Za-z_][\w.:-]*\s*=\s*(?:"[^"<]*"|'[^'<]*'))*)\s*(\/?)>/y;
const CLOSE_TAG = /<\/([A-Za-z_][\w.:-]*)\s*>/y;

/** A strict reader of the XML the round trip needs: elements, attributes, text, entities, CDATA, comments. */
export function parseXml(text) {
  const document = { name: '#document', attrs: {}, children: [] };
  const stack = [document];
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (what) => {
    throw new SyntaxError(`XML line ${text.slice(0, i).split('\n').length}: ${what}`);
  };
  const until = (end, what) => {
    const at = text.indexOf(end, i);
    if (at < 0) fail(`${what} is not closed`);
    const inner = text.slice(i, at);
    i = at + end.length;
    return inner;
  };
  const addText = (value) => {
    if (stack.length > 1) stack.at(-1).children.push(value);
    else if (value.trim()) fail('text outside the root element');
  };
  while (i < text.length) {
    if (text.startsWith('<?', i)) until('?>', 'a processing instruction');
    else if (text.startsWith('<!--', i)) until('-->', 'a comment');
    else if (text.startsWith('<![CDATA[', i)) addText(((i += 9), until(']]>', 'a CDATA section')));
    else if (text.startsWith('<!', i)) fail('a DOCTYPE or declaration is not accepted');
    else if (text.startsWith('</', i)) {
      CLOSE_TAG.lastIndex = i;
      const [, name] = CLOSE_TAG.exec(text) ?? fail('a broken closing tag');
      if (stack.length === 1 || stack.at(-1).name !== name) fail(`</${name}> does not close <${stack.at(-1).name}>`);
      stack.pop();
      i = CLOSE_TAG.lastIndex;
    } else if (text[i] === '<') {
      OPEN_TAG.lastIndex = i;
      const [, name, rawAttrs, selfClosing] = OPEN_TAG.exec(text) ?? fail('a broken tag');
      const element = { name, attrs: {}, children: [] };
      for (const [, attr, , double, single] of rawAttrs.matchAll(/([A-Za-z_][\w.:-]*)\s*=\s*("([^"]*)"|'([^']*)')/g)) {
        if (attr in element.attrs) fail(`attribute ${attr} given twice`);
        element.attrs[attr] = decodeEntities(double ?? single, fail);
      }
      if (stack.length === 1 && document.children.length > 0) fail('a second root element');
      stack.at(-1).children.push(element);
      if (!selfClosing) stack.push(element);
      i = OPEN_TAG.lastIndex;
    } else {
      const end = text.indexOf('<', i) < 0 ? text.length : text.indexOf('<', i);
      const raw = text.slice(i, end);
      i = end;
      addText(decodeEntities(raw, fail));
    }
  }
  if (stack.length > 1) fail(`<${stack.at(-1).name}> is not closed`);
  if (document.children.length === 0) fail('no root element');
  return document.children[0];
}

const localName = (name) => name.slice(name.indexOf(':') + 1);
const elements = (element, name) =>
  element.children.filter((child) => typeof child === 'object' && localName(child.name) === name);

// ---- XLIFF 1.2 --------------------------------------------------------------------------------------------------

const escapeXml = (text) =>
  text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
const withTags = (text) => escapeXml(text).replace(/\{([A-Za-z_$][\w$]*)\}/g, '<x id="$1"/>');

/** One `<file>` per source file; every target `needs-review-translation`. */
export function writeXliff(units) {
  const byFile = new Map();
  for (const unit of units) byFile.set(unit.file, [...(byFile.get(unit.file) ?? []), unit]);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">',
  ];
  for (const [file, fileUnits] of byFile) {
    lines.push(
      `  <file original="${escapeXml(file)}" source-language="en" target-language="cy" datatype="plaintext">`,
      '    <body>',
    );
    for (const unit of fileUnits)
      lines.push(
        `      <trans-unit id="${escapeXml(unit.id)}" xml:space="preserve">`,
        `        <source>${withTags(unit.source)}</source>`,
        `        <target state="needs-review-translation">${withTags(unit.target)}</target>`,
        `        <note>${escapeXml(unit.note)}</note>`,
        '      </trans-unit>',
      );
    lines.push('    </body>', '  </file>');
  }
  lines.push('</xliff>', '');
  return lines.join('\n');
}

/** A unit's text: `<x id="n"/>` becomes `{n}`; `<g>` and `<mrk>` (segmentation) are read through. */
function inlineText(element, id) {
  return element.children
    .map((child) => {
      if (typeof child === 'string') return child;
      const name = localName(child.name);
      if (name === 'x') return `{${child.attrs.id}}`;
      if (name === 'g' || name === 'mrk') return inlineText(child, id);
      throw new SyntaxError(`${id}: <${child.name}> inside a text is not read; use <x id="…"/> for a placeholder`);
    })
    .join('');
}

const CONFIRMED_STATES = new Set(['translated', 'signed-off', 'final']);

/** The units of a returned XLIFF file: id, English, Welsh, and whether the tool marked the Welsh confirmed. */
export function readXliff(text) {
  const root = parseXml(text);
  if (localName(root.name) !== 'xliff' || root.attrs.version !== '1.2')
    throw new SyntaxError('not an XLIFF 1.2 file (<xliff version="1.2">)');
  const units = [];
  const visit = (element) => {
    for (const child of element.children) {
      if (typeof child !== 'object') continue;
      if (localName(child.name) !== 'trans-unit') visit(child);
      else {
        const id = child.attrs.id ?? '';
        const [source] = elements(child, 'source');
        const [target] = elements(child, 'target');
        units.push({
          id,
          source: source ? inlineText(source, id) : undefined,
          target: target ? inlineText(target, id) : undefined,
          confirmed: child.attrs.approved === 'yes' || CONFIRMED_STATES.has(target?.attrs.state),
        });
      }
    }
  };
  visit(root);
  return units;
}

// ---- CSV --------------------------------------------------------------------------------------------------------

const CSV_COLUMNS = ['id', 'english', 'welsh', 'reviewed', 'note'];

/** UTF-8 with a byte order mark (so Excel reads it as UTF-8), every cell quoted, CRLF line ends. */
export function writeCsv(units) {
  const cell = (value) => `"${String(value).replaceAll('"', '""')}"`;
  const rows = [CSV_COLUMNS, ...units.map((unit) => [unit.id, unit.source, unit.target, 'no', unit.note])];
  return `\uFEFF${rows.map((row) => row.map(cell).join(',')).join('\r\n')}\r\n`;
}

/** RFC 4180 rows; a quote inside an unquoted cell, or an unclosed quote, is an error with its line. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let line = 1;
  let i = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const fail = (what) => {
    throw new SyntaxError(`CSV line ${line}: ${what}`);
  };
  while (i < text.length) {
    const char = text[i];
    if (char === '"') {
      if (cell !== '') fail('a quote inside an unquoted cell');
      const end = /"(?:[^"]|"")*"/y;
      end.lastIndex = i;
      const quoted = end.exec(text)?.[0] ?? fail('a quoted cell is not closed');
      cell = quoted.slice(1, -1).replaceAll('""', '"');
      line += quoted.split('\n').length - 1;
      i = end.lastIndex;
      if (i < text.length && !',\r\n'.includes(text[i])) fail('text after a quoted cell');
    } else if (char === ',' || char === '\r' || char === '\n') {
      row.push(cell);
      cell = '';
      i += char === '\r' && text[i + 1] === '\n' ? 2 : 1;
      if (char === ',') continue;
      rows.push(row);
      row = [];
      line++;
    } else {
      cell += char;
      i++;
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows.filter((cells) => cells.some((value) => value !== ''));
}

const YES = /^(yes|y|ie|true|1)$/i;
const NO = /^(no|n|na|false|0|)$/i;

/** The units of a returned CSV file: its header names the columns (any order); `reviewed` is yes or no. */
export function readCsv(text) {
  const [header = [], ...rows] = parseCsv(text);
  const column = Object.fromEntries(
    CSV_COLUMNS.map((name) => [name, header.map((h) => h.trim().toLowerCase()).indexOf(name)]),
  );
  const missing = ['id', 'english', 'welsh'].filter((name) => column[name] < 0);
  if (missing.length > 0) throw new SyntaxError(`CSV: no ${missing.join(', ')} column in the first row`);
  return rows.map((row) => {
    const id = row[column.id] ?? '';
    const reviewed = column.reviewed < 0 ? '' : (row[column.reviewed] ?? '').trim();
    if (!YES.test(reviewed) && !NO.test(reviewed))
      throw new SyntaxError(`${id}: reviewed is "${reviewed}", not yes or no`);
    return { id, source: row[column.english], target: row[column.welsh], confirmed: YES.test(reviewed) };
  });
}
