#!/usr/bin/env node
/**
 * compassionate-leadership-widgets (alias cl-feed): checks a content feed
 * (or a partner's local layer) with the same validation the widgets run,
 * merges a local layer into one static feed, prints the feed's JSON Schema,
 * prerenders a widget to HTML for a page, or runs the contact receiver. Node
 * built-ins only for the feed commands; `render` loads dist/ssr/render.js (with
 * Lit's server renderer) and `receive` the receiver (server/, with nodemailer)
 * when they are asked for.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = join(packageRoot, 'dist');
/** The national feed a local layer is checked against when --national is not given. */
const BUILT_IN_FEED = 'feed/built-in.json';
const TIMEOUT_MS = 10_000;
// The store refuses bodies over this size (MAX_FEED_BYTES in src/feed/prefetch.ts).
const MAX_FEED_BYTES = 2_000_000;
/**
 * Where `render`'s snippet loads the library from when --cdn is not given: the
 * address the README's script-tag examples use (dist/cdn/ on the partner's host).
 */
const DEFAULT_CDN = 'https://YOUR-HOST/compassionate-leadership-widgets/';

const USAGE = `Usage:
  compassionate-leadership-widgets validate <file|url>   check a content feed
  compassionate-leadership-widgets validate <file|url> --local [--national <file|url>]
                                                         check a local layer against the national feed
  compassionate-leadership-widgets merge <national> <local>
                                                         print the national feed with the local layer merged in
  compassionate-leadership-widgets schema                print the feed's JSON Schema
  compassionate-leadership-widgets render <widget> [--feed <file|url>] [--src <url>] [--lang en|cy]
                                   [--attr <name>=<value> ...] [--cdn <url>]
                                                         print a widget prerendered to HTML, and its script tag
  compassionate-leadership-widgets receive               run the contact receiver (receive --help)
  compassionate-leadership-widgets --help                show this help
(cl-feed is the same command. <national> and <local> are files or addresses.)

validate prints every problem as "path: message" and exits 1, or prints a
summary (items per section, how many have Welsh in every text, how many
items name no source page) and exits 0.
Exit codes: 0 valid, 1 the feed is not valid, 2 usage error or the file or
address could not be read.

validate --local checks a partner's local layer: the same schema, every
section optional, plus "hide" (national ids to hide) and "order" ("last",
the default, or "first"). Against the national feed (--national, else the
built-in feed ${BUILT_IN_FEED}) it also prints a line for each local item
that replaces a national one, each hide id that matches no national item,
and what the layer adds, replaces and hides. Lines about hide ids are
warnings: they do not change the exit code.

merge prints, on stdout, the one feed the widgets would show for
<cl-feed src="<national>" local="<local>">, as a feed of its own (valid
for the JSON Schema; without the layer's hide and order, which it has
applied, and without marks of which item came from which layer). It
exits 1 when either feed has a problem (listed on stderr), with nothing
on stdout. Addresses in a feed read from http(s) are made absolute; those
in a file are kept as written.

render prints, on stdout, the snippet to paste where a page takes HTML:
the widget prerendered from a feed (--feed, else the built-in feed), with
a copy of the feed it hydrates from, then its script tag. Render it again
whenever the feed changes. It exits 1 when the feed cannot be shown, with
nothing on stdout; feed problems are warnings on stderr. Its options and
an example: render --help.`;

const RENDER_USAGE = `Usage:
  compassionate-leadership-widgets render <widget> [--feed <file|url>] [--src <url>] [--lang en|cy]
                                   [--attr <name>=<value> ...] [--cdn <url>]
  compassionate-leadership-widgets render --help          show this help

Prints, on stdout, the snippet to paste into a page where the host accepts
HTML: <widget> (principle-cards, film-player, resource-list or contact-form)
prerendered from a feed (its content in the HTML, with a copy of the feed
it hydrates from), then <link rel="modulepreload"> tags for the chunks the
widget's script loads (with their integrity hashes, so <cdn> must host this
version), then the script tag that loads the widget:
<script type="module" src="<cdn><widget>.js"></script>. The film player's
script is its facade, <cdn>film-player.facade.js (async), with nothing to
preload: its play button works once that small script has run, and it loads
the rest.

  --feed <file|url>      the feed to show; default: the built-in feed, at <cdn>${BUILT_IN_FEED}
  --src <url>            the http(s) address the widget fetches the feed from on the page (its
                         src; the feed's relative addresses resolve against it). Required with
                         --feed <file>; default: the --feed address, or the built-in feed's
  --lang en|cy           the widget's language; default: en
  --attr <name>=<value>  another attribute of the widget (heading-level=3, film=<id>,
                         page-size=5, ...); repeat it for more. src and lang have their own options;
                         local is refused: merge the layer into the feed first
  --cdn <url>            the address of the library's CDN folder (dist/cdn/ as you host it);
                         default: ${DEFAULT_CDN}

Example:
  compassionate-leadership-widgets render resource-list --feed ours.json \\
    --src https://example.org/ours.json --lang cy --attr page-size=5 \\
    --cdn https://example.org/compassionate-leadership-widgets/

Render the snippet again whenever the feed changes: the widget fetches src
and shows the current feed once its script has run, but until then the page
shows the copy rendered into the HTML.

A page whose Content-Security-Policy has style-src without 'unsafe-inline'
blocks the snippet's <style>: the widget styles itself once its script has
run, and until then its content is unstyled, unless style-src also has the
hash that render prints on stderr ('sha256-...'; the same for every snippet
of a widget from this version).

Feed problems (the items the widget leaves out) are warnings on stderr; the
snippet is still printed. Exit codes: 0 printed, 1 the feed cannot be shown
(nothing printed), 2 usage error or the file or address could not be read.`;

const receiveUsage = (variables) => `Usage:
  compassionate-leadership-widgets receive           run the contact receiver: POST /api/contact
  compassionate-leadership-widgets receive --purge   delete the messages older than CONTACT_RETENTION_DAYS, then exit
  compassionate-leadership-widgets receive --help    show this help

It stores each message (and emails it, when the mail settings are given),
answers the contact form, and serves nothing else. Settings, from the
environment:
${variables.map(([name, text]) => `  ${name.padEnd(25)}${text}`).join('\n')}

Logs name references and status codes only, never what people wrote.
The contract and a privacy notice to adapt: docs/contact-endpoint.md.`;

/** An error that ends the command with a message and an exit code. */
class Exit extends Error {
  constructor(message, code) {
    super(message);
    this.code = code;
  }
}

function requireBuilt(file) {
  const path = join(dist, file);
  if (!existsSync(path)) throw new Exit(`${file} is missing from dist/: run npm run build first.`, 2);
  return path;
}

async function readSource(source) {
  if (/^https?:\/\//i.test(source)) {
    let response;
    try {
      response = await fetch(source, { signal: AbortSignal.timeout(TIMEOUT_MS), redirect: 'follow' });
    } catch (error) {
      const reason =
        error?.name === 'TimeoutError'
          ? `no answer within ${TIMEOUT_MS / 1000} s`
          : (error?.cause?.message ?? error.message);
      throw new Exit(`Could not fetch ${source}: ${reason}.`, 2);
    }
    if (!response.ok) throw new Exit(`Could not fetch ${source}: the server answered ${response.status}.`, 2);
    return response.text();
  }
  try {
    return await readFile(source, 'utf8');
  } catch (error) {
    throw new Exit(`Could not read ${source}: ${error.code === 'ENOENT' ? 'no such file' : error.message}.`, 2);
  }
}

/** Where each section keeps its human-readable text (ids, addresses and names are not translated). */
const TEXT_FIELDS = {
  topics: (item) => [item.label],
  principles: (item) => [item.title, item.summary, ...(item.practice ?? []).map((point) => point.text)],
  behaviours: (item) => [item.title, item.summary],
  films: (item) => [
    item.title,
    item.description,
    ...(item.speakers ?? []).map((s) => s.role),
    ...(item.transcript ?? []).map((t) => t.text),
  ],
  resources: (item) => [item.title, item.summary, item.publisher],
};

/**
 * Provenance: each item's `source` (films: `sourcePage`, because a film's
 * `source` is its media). Practice points are counted as items of their own.
 */
const SOURCED = {
  principles: (feed) => feed.principles.map((item) => item.source),
  'practice items': (feed) => feed.principles.flatMap((item) => (item.practice ?? []).map((point) => point.source)),
  behaviours: (feed) => feed.behaviours.map((item) => item.source),
  films: (feed) => feed.films.map((item) => item.sourcePage),
  resources: (feed) => feed.resources.map((item) => item.source),
};

function sourceLine(feed) {
  const missing = Object.entries(SOURCED).map(([name, sourcesOf]) => [
    name,
    sourcesOf(feed).filter((source) => source === undefined).length,
  ]);
  const total = missing.reduce((sum, [, count]) => sum + count, 0);
  const parts = missing.map(([name, count]) => `${name} ${count}`).join(', ');
  return `${total} item${total === 1 ? '' : 's'} without a source (${parts}).`;
}

const hasWelsh = (text) => text === undefined || (typeof text === 'object' && typeof text.cy === 'string');

function summary(feed, source) {
  const lines = [
    `${source}: valid feed, version ${feed.version}${feed.updated ? `, updated ${feed.updated}` : ''}`,
    '',
  ];
  const rows = Object.entries(TEXT_FIELDS).map(([section, textsOf]) => {
    const items = feed[section];
    const all = items.filter((item) => textsOf(item).every(hasWelsh)).length;
    const some = items.filter((item) => textsOf(item).some((text) => text !== undefined && hasWelsh(text))).length;
    return [section, String(items.length), `${all}/${items.length}`, `${some}/${items.length}`];
  });
  // Contact is one object, not a list: count its texts (address, enquiry topics) instead.
  const contactTexts = feed.contact
    ? [feed.contact.address, ...(feed.contact.topics ?? []).map((t) => t.label)].filter((t) => t !== undefined)
    : [];
  const welshContactTexts = `${contactTexts.filter(hasWelsh).length}/${contactTexts.length}`;
  rows.push(['contact texts', String(contactTexts.length), welshContactTexts, welshContactTexts]);
  const table = [['section', 'items', 'Welsh in every text', 'Welsh in some text'], ...rows];
  const widths = table[0].map((_, column) => Math.max(...table.map((row) => row[column].length)));
  for (const row of table)
    lines.push(
      row
        .map((cell, column) => (column === 0 ? cell.padEnd(widths[column]) : cell.padStart(widths[column])))
        .join('  '),
    );
  lines.push('', sourceLine(feed));
  return lines.join('\n');
}

/**
 * A feed read and parsed, not yet validated. Ends the command (exit 2) when
 * it cannot be read, and (exit 1) when it is too big or not JSON.
 */
async function parseFeed(source) {
  // A byte-order mark is not JSON, but browsers' response.json() drops it: so does the check.
  const text = (await readSource(source)).replace(/^\uFEFF/, '');
  if (Buffer.byteLength(text) > MAX_FEED_BYTES)
    throw new Exit(`${source}: the feed is over 2 MB; the widgets will not load it.`, 1);
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new Exit(`${source} is not valid JSON: ${error.message}`, 1);
  }
}

/**
 * A feed read, parsed and validated: `{ feed, problems }`. Ends the command
 * (exit 2) when it cannot be read, and (exit 1) when it is too big, not JSON,
 * or has no readable feed at all.
 */
async function loadFeed(source) {
  const { validateFeed } = await import(pathToFileURL(requireBuilt('feed/validate.js')).href);
  const data = await parseFeed(source);
  const result = validateFeed(data);
  if (result.fatal) throw new Exit(`${source}: ${result.fatal.message}`, 1);
  return { feed: result.feed, problems: result.problems };
}

const plural = (count, word) => `${count} ${word}${count === 1 ? '' : 's'}`;

const problemsExit = (source, count) =>
  new Exit(`${source}: ${plural(count, 'problem')}; the widgets leave out each part named above and keep the rest.`, 1);

async function validate(source) {
  const { feed, problems } = await loadFeed(source);
  if (problems.length > 0) {
    for (const problem of problems) console.log(`${problem.path}: ${problem.message}`);
    throw problemsExit(source, problems.length);
  }
  console.log(summary(feed, source));
}

const SECTION_NAMES = ['topics', 'principles', 'behaviours', 'films', 'resources'];

/**
 * What a local layer does to the national feed, by the merge's rules
 * (src/feed/layers.ts): a local item with a national item's id, in the same
 * section, replaces it; a hidden id hides the national items with that id
 * unless the layer replaces them; every other local item is added.
 */
function layerReport(national, local) {
  const lines = [];
  const nationalIds = new Set(SECTION_NAMES.flatMap((section) => national[section].map((item) => item.id)));
  const replaced = new Set();
  let added = 0;
  for (const section of SECTION_NAMES) {
    const ids = new Set(national[section].map((item) => item.id));
    for (const item of local[section]) {
      if (!ids.has(item.id)) {
        added += 1;
        continue;
      }
      replaced.add(item.id);
      lines.push(`replaces national ${section} item '${item.id}'`);
    }
  }
  let hidden = 0;
  for (const id of local.hide ?? []) {
    if (!nationalIds.has(id)) lines.push(`hide: '${id}' matches no national item`);
    else if (replaced.has(id)) lines.push(`hide: '${id}' has no effect: the layer replaces that item`);
    else hidden += SECTION_NAMES.reduce((sum, section) => sum + national[section].filter((i) => i.id === id).length, 0);
  }
  const unmatched = (local.hide ?? []).filter((id) => !nationalIds.has(id)).length;
  const place = local.order === 'first' ? 'before' : 'after';
  lines.push(
    '',
    `The layer adds ${plural(added, 'item')} (${place} the national ones), replaces ${replaced.size}` +
      ` and hides ${hidden}${unmatched > 0 ? `; ${plural(unmatched, 'hide id')} match${unmatched === 1 ? 'es' : ''} nothing` : ''}.`,
  );
  return lines.join('\n');
}

async function validateLocal(source, nationalSource = join(packageRoot, BUILT_IN_FEED)) {
  const { feed, problems } = await loadFeed(source);
  const national = await loadFeed(nationalSource);
  const nationalName = nationalSource === join(packageRoot, BUILT_IN_FEED) ? `the built-in feed` : nationalSource;
  for (const problem of problems) console.log(`${problem.path}: ${problem.message}`);
  if (problems.length === 0) console.log(summary(feed, source).replace(': valid feed,', ': valid local layer,'));
  console.log(`\nAgainst ${nationalName}:`);
  if (national.problems.length > 0) {
    console.log(
      `(${nationalName} has ${plural(national.problems.length, 'problem')} of its own: run validate on it; its valid items are compared)`,
    );
  }
  console.log(layerReport(national.feed, feed));
  if (problems.length > 0) throw problemsExit(source, problems.length);
}

/** The merged feed as a feed of its own: schema fields only, in the schema's order. */
function staticFeed(merged, national, local) {
  // `layer` marks which layer an item came from, for the widgets; a static feed has one layer.
  const items = (list) =>
    list.map((item) => {
      const copy = { ...item };
      delete copy.layer;
      return copy;
    });
  const updated = [national.updated, local.updated]
    .filter((date) => date !== undefined)
    .sort()
    .at(-1);
  return {
    version: merged.version,
    ...(updated !== undefined && { updated }),
    ...(merged.source && { source: merged.source }),
    ...Object.fromEntries(SECTION_NAMES.map((section) => [section, items(merged[section])])),
    ...(merged.contact && { contact: merged.contact }),
  };
}

async function merge(nationalSource, localSource) {
  const { mergeLayers } = await import(pathToFileURL(requireBuilt('feed/layers.js')).href);
  const { resolveFeedUrls } = await import(pathToFileURL(requireBuilt('feed/resolve-urls.js')).href);
  const layers = [
    [nationalSource, await loadFeed(nationalSource)],
    [localSource, await loadFeed(localSource)],
  ];
  const problems = layers.flatMap(([source, { problems }]) =>
    problems.map((p) => `${source}: ${p.path}: ${p.message}`),
  );
  if (problems.length > 0) {
    for (const line of problems) console.error(line);
    throw new Exit(`${plural(problems.length, 'problem')}; nothing merged.`, 1);
  }
  // As the store does: addresses in a fetched feed are relative to that feed's own address.
  const [national, local] = layers.map(([source, { feed }]) =>
    /^https?:\/\//i.test(source) ? resolveFeedUrls(feed, source) : feed,
  );
  process.stdout.write(`${JSON.stringify(staticFeed(mergeLayers(national, local), national, local), null, 2)}\n`);
}

const isHttp = (address) => /^https?:\/\//i.test(address);

/** `address` when it is an absolute http(s) address; else undefined. */
function httpUrl(address) {
  if (!isHttp(address)) return undefined;
  try {
    return new URL(address);
  } catch {
    return undefined;
  }
}

const RENDER_OPTIONS = ['--feed', '--src', '--lang', '--attr', '--cdn'];

/**
 * `<widget> [--feed …] [--src …] [--lang …] [--attr name=value …] [--cdn …]`, options in any order; ends with exit 2
 * when malformed. `attributeName`: the names the prerenderer accepts, checked before the feed is read.
 */
function parseRenderOptions(args, attributeName) {
  const options = { attributes: {} };
  const rest = [...args];
  while (rest.length > 0) {
    const arg = rest.shift();
    if (!RENDER_OPTIONS.includes(arg)) {
      if (!arg.startsWith('-') && options.widget === undefined) options.widget = arg;
      else throw new Exit(`Unknown option or extra argument: ${arg}\n\n${RENDER_USAGE}`, 2);
      continue;
    }
    if (rest.length === 0 || rest[0].startsWith('-')) throw new Exit(`${arg} needs a value.\n\n${RENDER_USAGE}`, 2);
    const value = rest.shift();
    const name = arg.slice(2);
    if (name !== 'attr') {
      if (options[name] !== undefined) throw new Exit(`${arg} is given twice.`, 2);
      options[name] = value;
      continue;
    }
    const equals = value.indexOf('=');
    if (equals === -1) throw new Exit(`--attr ${value}: give the attribute as name=value (heading-level=3).`, 2);
    const attribute = value.slice(0, equals);
    if (attribute === 'src') throw new Exit('--attr src=…: give the feed’s address with --src.', 2);
    if (attribute === 'lang') throw new Exit('--attr lang=…: give the language with --lang (en or cy).', 2);
    // A layered widget's first render waits for both layers: it could not take over HTML rendered from one.
    if (attribute === 'local')
      throw new Exit('--attr local=…: prerender one feed: merge the layer first (merge --help), then render that.', 2);
    if (!attributeName.test(attribute))
      throw new Exit(
        `--attr ${value}: "${attribute}" is not an attribute name (lower-case letters, digits and hyphens, from a letter).`,
        2,
      );
    if (Object.hasOwn(options.attributes, attribute)) throw new Exit(`--attr ${attribute} is given twice.`, 2);
    options.attributes[attribute] = value.slice(equals + 1);
  }
  if (options.widget === undefined) throw new Exit(`render needs a widget.\n\n${RENDER_USAGE}`, 2);
  return options;
}

/** `render`: the prerendered widget and its script tag on stdout; feed problems as warnings on stderr. */
async function render(args) {
  if (args.includes('--help') || args.includes('-h')) return void console.log(RENDER_USAGE);
  const { renderWidget, PRERENDERED_WIDGETS, ATTRIBUTE_NAME, escapeAttribute, preloadTags } = await import(
    pathToFileURL(requireBuilt('ssr/render.js')).href
  );
  const options = parseRenderOptions(args, ATTRIBUTE_NAME);
  const widgets = Object.keys(PRERENDERED_WIDGETS);
  if (!widgets.includes(options.widget))
    throw new Exit(`Unknown widget "${options.widget}". Widgets: ${widgets.join(', ')}.`, 2);
  const lang = options.lang ?? 'en';
  if (lang !== 'en' && lang !== 'cy') throw new Exit(`--lang ${lang}: the language is en or cy.`, 2);
  const cdnUrl = httpUrl(options.cdn ?? DEFAULT_CDN);
  if (!cdnUrl || cdnUrl.search || cdnUrl.hash)
    throw new Exit(`--cdn ${options.cdn}: give the CDN folder's http(s) address, without ? or #.`, 2);
  // As given (the URL parser would lower-case the README's YOUR-HOST), ending with the folder's slash.
  const cdn = (options.cdn ?? DEFAULT_CDN).replace(/\/?$/, '/');
  if (options.src !== undefined && !httpUrl(options.src))
    throw new Exit(`--src ${options.src}: the feed's address on the page must be an absolute http(s) address.`, 2);
  let src = options.src;
  if (options.feed === undefined) src ??= `${cdn}${BUILT_IN_FEED}`;
  else if (isHttp(options.feed)) src ??= options.feed;
  else if (src === undefined)
    throw new Exit(
      `--feed ${options.feed} is a file: give with --src the http(s) address the widget will fetch it from on the page.`,
      2,
    );

  const source = options.feed ?? join(packageRoot, BUILT_IN_FEED);
  const name = options.feed ?? 'the built-in feed';
  const feed = await parseFeed(source);
  // The store warns on the console about skipped items; render lists them itself, once, as warnings.
  const warn = console.warn;
  console.warn = () => {};
  let rendered;
  try {
    rendered = renderWidget({ widget: options.widget, feed, src, lang, attributes: options.attributes });
  } catch (error) {
    // renderWidget's messages for a person are plain Errors; anything else is a fault, with its stack.
    if (error?.constructor !== Error) throw error;
    throw new Exit(`${name}: ${error.message}`, 1);
  } finally {
    console.warn = warn;
  }
  for (const problem of rendered.problems) console.error(`warning: ${name}: ${problem.path}: ${problem.message}`);
  if (rendered.problems.length > 0)
    console.error(`${plural(rendered.problems.length, 'problem')}; the widget leaves out each part named above.`);
  if (options.cdn === undefined)
    console.error(`note: no --cdn: the script tag loads from ${DEFAULT_CDN}; give --cdn with your host's address.`);
  console.error(
    `note: a page whose Content-Security-Policy has style-src without 'unsafe-inline' shows the content unstyled until the script runs, unless style-src also has ${rendered.styleHash}`,
  );
  // The widget's script for prerendered HTML, and what it loads (with their hashes) fetched beside it, not after it.
  const { entry, async, preload } = JSON.parse(await readFile(requireBuilt('cdn/preload.json'), 'utf8'))[
    options.widget
  ];
  const links = preloadTags(preload, cdn);
  const script = `<script type="module"${async ? ' async' : ''} src="${escapeAttribute(`${cdn}${entry}`)}"></script>`;
  // After the element, so its content's bytes come first on a slow connection, and the scripts all at once after it.
  process.stdout.write(`${rendered.html}\n${links}${script}\n`);
}

/** `receive`: runs until SIGINT or SIGTERM, then finishes a send under way and exits. */
async function receive(options) {
  const { RECEIVER_ENV, ConfigError } = await import('../server/config.mjs');
  if (options.includes('--help') || options.includes('-h')) return void console.log(receiveUsage(RECEIVER_ENV));
  const { purgeOnce, startReceiver } = await import('../server/receive.mjs');
  try {
    if (options.length === 1 && options[0] === '--purge') {
      const deleted = await purgeOnce(process.env);
      return void console.log(`Deleted ${deleted} message${deleted === 1 ? '' : 's'} past the retention period.`);
    }
    if (options.length > 0) throw new Exit(`Unknown option: ${options.join(' ')}\n\n${receiveUsage(RECEIVER_ENV)}`, 2);
    const server = await startReceiver(process.env);
    console.log(`Contact receiver: POST ${server.url}/api/contact`);
    const stop = async () => {
      await server.close();
      process.exit(0);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  } catch (error) {
    if (error instanceof ConfigError) throw new Exit(error.message, 2);
    throw error;
  }
}

/** `<source> [--local [--national <source>]]` (options in any order after the command); undefined when malformed. */
function parseValidateOptions(args) {
  const options = { local: false };
  const rest = [...args];
  while (rest.length > 0) {
    const arg = rest.shift();
    if (arg === '--local') options.local = true;
    else if (arg === '--national' && rest.length > 0 && !rest[0].startsWith('-')) options.national = rest.shift();
    else if (!arg.startsWith('-') && options.source === undefined) options.source = arg;
    else return undefined;
  }
  if (options.source === undefined || (options.national !== undefined && !options.local)) return undefined;
  return options;
}

async function main(args) {
  const [command, ...rest] = args;
  if (command === '--help' || command === '-h' || command === 'help') {
    console.log(USAGE);
    return;
  }
  if (command === 'receive') return receive(rest);
  if (command === 'render') return render(rest);
  if (command === 'validate') {
    const local = parseValidateOptions(rest);
    if (local?.local === false) return validate(local.source);
    if (local) return validateLocal(local.source, local.national);
  }
  if (command === 'merge' && rest.length === 2 && !rest.some((arg) => arg.startsWith('-'))) return merge(...rest);
  if (command === 'schema' && rest.length === 0) {
    process.stdout.write(await readFile(requireBuilt('feed.schema.json'), 'utf8'));
    return;
  }
  throw new Exit(
    `${command === undefined ? 'No command given.' : `Unknown or incomplete command: ${args.join(' ')}`}\n\n${USAGE}`,
    2,
  );
}

try {
  await main(process.argv.slice(2));
} catch (error) {
  if (!(error instanceof Exit)) throw error;
  console.error(error.message);
  process.exitCode = error.code;
}
