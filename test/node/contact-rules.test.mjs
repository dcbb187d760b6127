/**
 * The contact rules have one source, src/internal/contact-rules.js: the
 * contract's field-limits table in docs/contact-endpoint.md must say the same.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FIELD_LIMITS, textLength } from '../../src/internal/contact-rules.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The rows of the Markdown table under `heading`: `field` -> its number (thousands separators dropped). */
function tableUnder(markdown, heading) {
  const lines = markdown.split('\n');
  const start = lines.findIndex((line) => line.trim() === heading);
  assert.notEqual(start, -1, `"${heading}" is in the document`);
  const rows = [];
  for (const line of lines.slice(start + 1)) {
    if (line.startsWith('#')) break;
    if (line.startsWith('|')) rows.push(line);
  }
  // The header and the separator row come first.
  return Object.fromEntries(
    rows.slice(2).map((row) => {
      const [field, limit] = row
        .split('|')
        .slice(1, -1)
        .map((cell) => cell.trim());
      return [field.replace(/^`|`$/g, ''), Number(limit.replaceAll(',', ''))];
    }),
  );
}

test('the field-limits table in docs/contact-endpoint.md is FIELD_LIMITS', () => {
  const markdown = readFileSync(join(root, 'docs/contact-endpoint.md'), 'utf8');
  assert.deepEqual(tableUnder(markdown, '### Field limits'), { ...FIELD_LIMITS });
});

test('textLength counts code points after trimming', () => {
  assert.equal(textLength('  a😀b \n'), 3);
});
