#!/usr/bin/env node
/**
 * `npm run strings:import -- welsh.xlf`: writes the Welsh a translator returned (XLIFF 1.2 from
 * `strings:export`, or its CSV form: `--format csv` or a name ending in .csv) back into the strings modules and
 * the feed, and marks those texts reviewed: `cyReviewed: true` in the module (a plural entry once all its Welsh
 * forms came back), the feed's `<feed>.cy-review.json` beside it.
 *
 * A unit counts as returned when the tool confirmed it (XLIFF target state translated, signed-off or final, or
 * approved="yes"; CSV reviewed "yes") or its Welsh differs from the draft. Other units are left alone.
 * A unit is refused, naming it, when its placeholders changed, its Welsh is empty, its English has changed since
 * the export, or its id is unknown: then nothing at all is written and the exit code is 1.
 *
 * The edit is in place: only the Welsh literal and the flag change. An edited file that was formatted is formatted
 * again with Prettier (a longer text may need a new line break). Options: `--root DIR`, `--feed FILE`, as export.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readCsv, readXliff } from './strings-formats.mjs';
import { defaultFeeds, placeholdersOf, projectRoot, readProject, unitsOf } from './strings-lib.mjs';

const REVIEW_ABOUT =
  'Welsh texts of the feed beside this file that a Welsh speaker has reviewed (npm run strings:import): JSON pointer -> the English and Welsh as reviewed. A text whose English or Welsh has changed since counts as unreviewed again.';

const lines = (text) => text.replace(/\r\n?/g, '\n');
const listed = (names) => (names.length ? names.map((name) => `{${name}}`).join(' ') : 'none');

/** Sorts the returned units into accepted (with their unit), refused (with a reason) and left alone. */
function planImport(units, returned) {
  const byId = new Map(units.map((unit) => [unit.id, unit]));
  const accepted = [];
  const refused = [];
  const seen = new Set();
  let leftAlone = 0;
  for (const back of returned) {
    const unit = byId.get(back.id);
    const refuse = (reason) => refused.push({ id: back.id || '(a unit without an id)', reason });
    const target = back.target === undefined ? undefined : lines(back.target);
    if (!unit) refuse('no such text in the sources (renamed or removed since the export?)');
    else if (seen.has(back.id)) refuse('given twice');
    else if (target === undefined || (!back.confirmed && target === unit.target)) leftAlone++;
    else if (back.source !== undefined && lines(back.source) !== unit.source)
      refuse('its English has changed since the export: export again');
    else if (target.trim() === '') refuse('the Welsh is empty');
    else if (placeholdersOf(target).join() !== unit.placeholders.join())
      refuse(
        `placeholders changed: the Welsh must keep ${listed(unit.placeholders)}, it has ${listed(placeholdersOf(target))}`,
      );
    else accepted.push({ unit, target });
    seen.add(back.id);
  }
  return { accepted, refused, leftAlone };
}

/** A TypeScript string literal, in the quotes Prettier would choose. */
function quote(text) {
  const quoteMark = (text.match(/'/g)?.length ?? 0) > (text.match(/"/g)?.length ?? 0) ? '"' : "'";
  const escapes = { '\\': '\\\\', '\n': '\\n', '\r': '\\r', '\u2028': '\\u2028', '\u2029': '\\u2029' };
  const body = text.replace(/[\\\n\r\u2028\u2029]/g, (char) => escapes[char]).replaceAll(quoteMark, `\\${quoteMark}`);
  return `${quoteMark}${body}${quoteMark}`;
}

/** A template literal with `{name}` placeholders as `${name}`. */
function template(text) {
  const body = text.replace(/[\\`]|\$\{/g, (match) => `\\${match}`).replace(/\{([A-Za-z_$][\w$]*)\}/g, '${$1}');
  return `\`${body}\``;
}

const replace = (node, text) => ({ start: node.getStart(), end: node.end, text });

/** The edits of one strings module: each returned Welsh text, and the flag of each entry now wholly reviewed. */
function moduleEdits(accepted) {
  const edits = [];
  const formsBack = new Map();
  for (const { unit, target } of accepted) {
    const { cy } = unit.entry;
    if (unit.form) edits.push(replace(cy.forms[unit.form].node, quote(target)));
    else edits.push(replace(cy.node, cy.kind === 'function' ? template(target) : quote(target)));
    formsBack.set(unit.entry, [...(formsBack.get(unit.entry) ?? []), unit.form]);
  }
  const partial = [];
  for (const [entry, forms] of formsBack) {
    const whole = entry.cy.kind !== 'plural' || Object.keys(entry.cy.forms).every((form) => forms.includes(form));
    if (!whole) partial.push(entry.key);
    else if (!entry.reviewed) edits.push(replace(entry.reviewedNode, 'true'));
  }
  return { edits, partial };
}

function applyEdits(text, edits) {
  let result = text;
  for (const { start, end, text: replacement } of [...edits].sort((a, b) => b.start - a.start))
    result = result.slice(0, start) + replacement + result.slice(end);
  return result;
}

/** Formats an edited file with the project's Prettier settings, when it was formatted before the edit. */
async function formatted(file, before, after) {
  const prettier = await import('prettier');
  const filepath = join(projectRoot, file);
  const options = { ...(await prettier.resolveConfig(filepath)), filepath };
  return before === undefined || (await prettier.check(before, options)) ? prettier.format(after, options) : after;
}

/** The feed's edits and its review sidecar, in the feed's order, with the returned texts added. */
function feedEdits(feed, accepted) {
  const reviewedNow = new Map(
    accepted.map(({ unit, target }) => [unit.text.pointer, { en: unit.text.en, cy: target }]),
  );
  const reviewed = {};
  for (const { pointer } of feed.texts) {
    const entry = reviewedNow.get(pointer) ?? feed.review.reviewed?.[pointer];
    if (entry) reviewed[pointer] = entry;
  }
  const edits = accepted.map(({ unit, target }) => ({ ...unit.text.span, text: JSON.stringify(target) }));
  return { edits, review: { about: feed.review.about ?? REVIEW_ABOUT, reviewed } };
}

async function writeImport(project, accepted) {
  const partial = [];
  const write = async (file, before, after) => {
    if (after !== before) await writeFile(join(project.root, file), await formatted(file, before, after));
  };
  for (const module of project.modules) {
    const mine = accepted.filter(({ unit }) => unit.file === module.file && unit.entry);
    if (mine.length === 0) continue;
    const { edits, partial: forms } = moduleEdits(mine);
    partial.push(...forms.map((key) => `${module.file}#${key}`));
    await write(module.file, module.text, applyEdits(module.text, edits));
  }
  for (const feed of project.feeds) {
    const mine = accepted.filter(({ unit }) => unit.feed === feed);
    if (mine.length === 0) continue;
    const { edits, review } = feedEdits(feed, mine);
    await write(feed.file, feed.text, applyEdits(feed.text, edits));
    await writeFile(
      join(project.root, feed.reviewFile),
      await formatted(feed.reviewFile, undefined, `${JSON.stringify(review, null, 2)}\n`),
    );
  }
  return partial;
}

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { format: { type: 'string' }, root: { type: 'string' }, feed: { type: 'string', multiple: true } },
});
if (positionals.length !== 1) {
  console.error(
    'Usage: npm run strings:import -- <file.xlf | file.csv> [--format xliff|csv] [--root DIR] [--feed FILE]',
  );
  process.exit(2);
}
const [input] = positionals;
const format = values.format ?? (input.toLowerCase().endsWith('.csv') ? 'csv' : 'xliff');
let returned;
try {
  const text = await readFile(input, 'utf8');
  returned = format === 'csv' ? readCsv(text) : readXliff(text);
} catch (error) {
  console.error(`${input} could not be read: ${error.message}`);
  process.exit(1);
}

const project = await readProject({ root: resolve(values.root ?? projectRoot), feeds: values.feed ?? defaultFeeds });
const { accepted, refused, leftAlone } = planImport(unitsOf(project).units, returned);
if (refused.length > 0) {
  for (const { id, reason } of refused) console.error(`Refused ${id}: ${reason}.`);
  console.error(`Nothing was written: ${refused.length} unit${refused.length === 1 ? '' : 's'} refused.`);
  process.exit(1);
}
const partial = await writeImport(project, accepted);
for (const { unit } of accepted) console.log(`Imported: ${unit.id}`);
for (const id of partial) console.log(`Not every Welsh plural form came back, so ${id} stays unreviewed.`);
console.log(
  `${accepted.length} Welsh text${accepted.length === 1 ? '' : 's'} imported and marked reviewed${partial.length ? ' (but the partial plurals above)' : ''}; ${leftAlone} left alone (not confirmed, unchanged).`,
);
