/**
 * What the Welsh review scripts share (strings:review, strings:export, strings:import): the Welsh texts of the
 * project as translation units, each with its review state, and the edits that write returned Welsh back.
 *
 * - UI strings: every `defineStrings({ key: { en, cy, cyReviewed } })` entry in src/**\/*.strings.ts, read from
 *   the TypeScript syntax tree (nothing is run). A plain text is one unit (`file#key`); a function whose body is a
 *   template of its parameters is one unit with placeholders named after them (`{limit}`); a plural object is one
 *   unit per Welsh form (`file#key/few`), placeholder `{n}`. Anything else (code) is listed as not exportable.
 * - Feed texts: every `{ "en": "…", "cy": "…" }` object of a feed (addresses left out), one unit per object,
 *   `feed/built-in.json#/principles/0/title`. The feed has no review flags: they live beside it in
 *   `<feed>.cy-review.json` (JSON pointer -> the English and Welsh as reviewed), so a text whose English or Welsh
 *   has changed since counts as unreviewed again.
 */
import { existsSync } from 'node:fs';
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { parseJsonWithSpans } from './strings-formats.mjs';

export const projectRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const defaultFeeds = ['feed/built-in.json'];

/** CLDR's Welsh plural categories, with the numbers that take each, for the translator's note. */
const WELSH_FORMS = {
  zero: '0',
  one: '1',
  two: '2',
  few: '3',
  many: '6',
  other: 'every other number (4, 5, 7, 8, 10, 1.5…)',
};

const posix = (path) => path.split(sep).join('/');

/** `{name}` placeholders of a text, sorted, repeats kept: two texts keep the same placeholders when these match. */
export function placeholdersOf(text) {
  return [...text.matchAll(/\{([A-Za-z_$][\w$]*)\}/g)].map((match) => match[1]).sort();
}

export function reviewFileOf(feed) {
  return feed.replace(/\.json$/, '.cy-review.json');
}

async function stringModules(root) {
  const entries = await readdir(join(root, 'src'), { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name.endsWith('.strings.ts'))
    .map((entry) => posix(relative(root, join(entry.parentPath, entry.name))))
    .sort();
}

/** Reads every strings module and feed under `root`: their text, entries and units. */
export async function readProject({ root = projectRoot, feeds = defaultFeeds } = {}) {
  const modules = [];
  for (const file of await stringModules(root)) {
    const text = await readFile(join(root, file), 'utf8');
    modules.push({ file, text, entries: readEntries(text, file) });
  }
  const feedFiles = [];
  for (const file of feeds) {
    if (!existsSync(join(root, file))) continue;
    const text = await readFile(join(root, file), 'utf8');
    const reviewFile = reviewFileOf(file);
    const review = existsSync(join(root, reviewFile))
      ? JSON.parse(await readFile(join(root, reviewFile), 'utf8'))
      : { reviewed: {} };
    feedFiles.push({ file, text, reviewFile, review, texts: feedTexts(text, review) });
  }
  return { root, modules, feeds: feedFiles };
}

// ---- UI strings -------------------------------------------------------------------------------------------------

function propertyName(name) {
  return ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) ? name.text : undefined;
}

/** Every entry of every `defineStrings({…})` table in a module's source, with the nodes an import edits. */
function readEntries(text, file) {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const entries = [];
  const visit = (node) => {
    const [table] = ts.isCallExpression(node) ? node.arguments : [];
    if (table && ts.isObjectLiteralExpression(table) && node.expression.getText(source) === 'defineStrings') {
      for (const property of table.properties) {
        const entry = readEntry(property, source, text);
        if (entry) entries.push(entry);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return entries;
}

function readEntry(property, source, text) {
  if (!ts.isPropertyAssignment(property) || !ts.isObjectLiteralExpression(property.initializer)) return undefined;
  const fields = {};
  for (const field of property.initializer.properties)
    if (ts.isPropertyAssignment(field)) fields[propertyName(field.name)] = field.initializer;
  if (!fields.en || !fields.cy || !fields.cyReviewed) return undefined;
  return {
    key: propertyName(property.name) ?? property.name.getText(source),
    en: readMessage(fields.en, source),
    cy: readMessage(fields.cy, source),
    reviewed: fields.cyReviewed.kind === ts.SyntaxKind.TrueKeyword,
    reviewedNode: fields.cyReviewed,
    comment: leadingComment(property, text),
  };
}

function literalText(node) {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) ? node.text : undefined;
}

/** A message as text with `{placeholders}`, or `code` when it is more than a literal, a template or plural forms. */
function readMessage(node, source) {
  const code = { kind: 'code', code: node.getText(source) };
  const text = literalText(node);
  if (text !== undefined) return { kind: 'text', text, node };
  if (ts.isArrowFunction(node) && node.parameters.every((parameter) => ts.isIdentifier(parameter.name))) {
    const params = node.parameters.map((parameter) => parameter.name.text);
    let body = node.body;
    while (ts.isParenthesizedExpression(body)) body = body.expression;
    const literal = literalText(body);
    if (literal !== undefined) return { kind: 'function', params, text: literal, node: body };
    const simple = (span) => ts.isIdentifier(span.expression) && params.includes(span.expression.text);
    if (!ts.isTemplateExpression(body) || !body.templateSpans.every(simple)) return code;
    const spans = body.templateSpans.map((span) => `{${span.expression.text}}${span.literal.text}`);
    return { kind: 'function', params, text: body.head.text + spans.join(''), node: body };
  }
  if (!ts.isObjectLiteralExpression(node)) return code;
  const forms = {};
  for (const property of node.properties) {
    const form = ts.isPropertyAssignment(property) ? literalText(property.initializer) : undefined;
    if (form === undefined) return code;
    forms[propertyName(property.name)] = { text: form, node: property.initializer };
  }
  return { kind: 'plural', forms };
}

/** The comments written above an entry, without their markers: the translator reads them in the unit's note. */
function leadingComment(property, text) {
  const ranges = ts.getLeadingCommentRanges(text, property.getFullStart()) ?? [];
  return ranges
    .map(({ pos, end }) =>
      text
        .slice(pos, end)
        .replace(/^\/\*\*?|\*\/$/g, '')
        .split('\n')
        .map((line) => line.replace(/^\s*(\/\/|\*)?\s?/, '').trim())
        .filter(Boolean)
        .join(' '),
    )
    .join(' ');
}

function stringNote(file, entry, form) {
  const parts = [`${file}, UI string “${entry.key}”.`];
  if (form) parts.push(`Plural form “${form}”: Welsh uses it for ${WELSH_FORMS[form] ?? 'this category'}.`);
  if (entry.comment) parts.push(`Note in the source: ${entry.comment}`);
  return parts.join(' ');
}

/** The units of one entry, or a reason it cannot be exported. */
function entryUnits(file, entry) {
  const id = `${file}#${entry.key}`;
  const { en, cy } = entry;
  const base = { file, entry, reviewed: entry.reviewed };
  if (en.kind === 'text' && cy.kind === 'text')
    return [{ ...base, id, source: en.text, target: cy.text, note: stringNote(file, entry) }];
  if (en.kind === 'function' && cy.kind === 'function')
    return [{ ...base, id, source: en.text, target: cy.text, note: stringNote(file, entry) }];
  if (en.kind === 'plural' && cy.kind === 'plural')
    return Object.entries(cy.forms).map(([form, { text }]) => ({
      ...base,
      id: `${id}/${form}`,
      form,
      source: (en.forms[form] ?? en.forms.other)?.text ?? '',
      target: text,
      note: stringNote(file, entry, form),
    }));
  return { id, reason: 'the Welsh is code, not text: edit it in the source' };
}

// ---- Feed texts -------------------------------------------------------------------------------------------------

const isAddress = (text) => /^(https?:|mailto:|tel:)/i.test(text);

/** Every `{ en, cy }` text of a feed, with the span of its Welsh value and whether that Welsh is reviewed. */
function feedTexts(text, review) {
  const { value, spans } = parseJsonWithSpans(text);
  const texts = [];
  const walk = (node, pointer) => {
    if (typeof node !== 'object' || node === null) return;
    if (typeof node.en === 'string' && typeof node.cy === 'string') {
      if (isAddress(node.en) || isAddress(node.cy)) return;
      const seen = review.reviewed?.[pointer];
      const reviewed = seen?.en === node.en && seen?.cy === node.cy;
      texts.push({ pointer, en: node.en, cy: node.cy, span: spans.get(`${pointer}/cy`), reviewed });
      return;
    }
    for (const [key, child] of Object.entries(node))
      walk(child, `${pointer}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`);
  };
  walk(value, '');
  return texts;
}

function feedUnit(feed, text) {
  return {
    id: `${feed.file}#${text.pointer}`,
    file: feed.file,
    feed,
    text,
    reviewed: text.reviewed,
    source: text.en,
    target: text.cy,
    note: `${feed.file}, feed text ${text.pointer}.`,
  };
}

// ---- Units and counts -------------------------------------------------------------------------------------------

/** Every unit of the project (reviewed or not), and the entries that cannot be exported. */
export function unitsOf(project) {
  const units = [];
  const unexportable = [];
  for (const { file, entries } of project.modules)
    for (const entry of entries) {
      const found = entryUnits(file, entry);
      if (Array.isArray(found)) units.push(...found);
      else unexportable.push({ ...found, reviewed: entry.reviewed });
    }
  for (const feed of project.feeds) for (const text of feed.texts) units.push(feedUnit(feed, text));
  for (const unit of units) {
    const keep = placeholdersOf(unit.target);
    const names = [...new Set(keep)].map((name) => `{${name}}`);
    const keepThem = `Keep the placeholder${names.length === 1 ? '' : 's'} ${names.join(', ')}: the widget fills`;
    unit.placeholders = keep;
    unit.note += keep.length ? ` ${keepThem} ${names.length === 1 ? 'it' : 'them'} in.` : ' No placeholders.';
  }
  return { units, unexportable };
}

/** How many Welsh texts await review: UI strings (entries, as flagged) and feed texts. */
export function countUnreviewed(project) {
  const ui = project.modules.reduce((sum, module) => sum + module.entries.filter((e) => !e.reviewed).length, 0);
  const feed = project.feeds.reduce((sum, f) => sum + f.texts.filter((text) => !text.reviewed).length, 0);
  return { ui, feed };
}

/** For the build's warning: every Welsh text, UI or feed, that awaits review. */
export async function unreviewedWelshCount(root = projectRoot) {
  const { ui, feed } = countUnreviewed(await readProject({ root }));
  return ui + feed;
}
