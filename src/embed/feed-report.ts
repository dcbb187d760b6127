/**
 * What the feed preview tells a content editor: each problem with its place
 * and the item's title, and what is missing in Welsh, section by section.
 */
import { ContactSchema, ITEM_SCHEMAS, LocalTextSchema, SECTIONS, type Feed, type LocalText } from '../feed/schema.js';
import { validate, type JsonSchema } from '../feed/schema-kit.js';
import type { FeedProblem } from '../feed/validate.js';
import type { Language } from '../i18n/language.js';
import { pick } from '../i18n/local-text.js';

export type ReportSection = (typeof SECTIONS)[number] | 'contact' | 'feed';

export interface ProblemReport {
  section: ReportSection;
  /** Zero-based place in the section's list; absent for the header and contact. */
  index?: number;
  /** The item's title (or id) as the feed has it, when it has one. */
  title?: { text: string; lang: Language };
  /** The field inside the item: `url`, `captions[0].src`; empty for the item itself. */
  field: string;
  path: string;
  message: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function titleOf(item: unknown, language: Language): ProblemReport['title'] {
  if (!isRecord(item)) return undefined;
  const { title, id } = item;
  if (typeof title === 'string' && title.trim()) return { text: title, lang: 'en' };
  if (isRecord(title) && (typeof title.en === 'string' || typeof title.cy === 'string')) {
    return pick(title as { en?: string; cy?: string }, language);
  }
  return typeof id === 'string' ? { text: id, lang: 'en' } : undefined;
}

/** Each problem placed in its section and item, with the item's title from the raw feed. */
export function describeProblems(data: unknown, problems: readonly FeedProblem[], language: Language): ProblemReport[] {
  return problems.map((problem) => {
    const match = /^(\w+)(?:\[(\d+)\])?\.?(.*)$/.exec(problem.path);
    const name = match?.[1] ?? '';
    const section: ReportSection =
      (SECTIONS as readonly string[]).includes(name) || name === 'contact' ? (name as ReportSection) : 'feed';
    if (section === 'feed') return { section, field: problem.path, path: problem.path, message: problem.message };
    const index = match?.[2] === undefined ? undefined : Number(match[2]);
    const list = isRecord(data) ? data[section] : undefined;
    const item = index !== undefined && Array.isArray(list) ? list[index] : undefined;
    const title = titleOf(item, language);
    return {
      section,
      ...(index !== undefined && { index }),
      ...(title && { title }),
      field: match?.[3] ?? '',
      path: problem.path,
      message: problem.message,
    };
  });
}

export interface MissingWelsh {
  title?: { text: string; lang: Language };
  /** Fields with English text and no Welsh: `title`, `practice[1]`. */
  fields: string[];
}

export interface SectionCoverage {
  section: ReportSection;
  items: number;
  /** Items whose every text has Welsh. */
  complete: number;
  missing: MissingWelsh[];
}

/** The paths of the text fields that have no Welsh, following the schema's shape. */
function englishOnly(schema: JsonSchema, value: unknown, path: string, out: string[]): void {
  if (value === undefined) return;
  if (schema === LocalTextSchema) {
    const text = value as LocalText;
    if (typeof text === 'string' || text.cy === undefined) out.push(path);
  } else if (schema.anyOf) {
    // A practice point is text or { text, source }: follow the branch the value has.
    const branch = schema.anyOf.find((shape) => validate(shape, value).success);
    if (branch) englishOnly(branch, value, path, out);
  } else if (schema.type === 'object' && schema.properties && isRecord(value)) {
    for (const [key, property] of Object.entries(schema.properties))
      englishOnly(property, value[key], path ? `${path}.${key}` : key, out);
  } else if (schema.type === 'array' && schema.items && Array.isArray(value)) {
    const items = schema.items;
    value.forEach((item, index) => englishOnly(items, item, `${path}[${index}]`, out));
  }
}

/** Welsh coverage of a validated feed, per section that has items. */
export function welshCoverage(feed: Feed, language: Language): SectionCoverage[] {
  const coverage: SectionCoverage[] = [];
  const measure = (section: ReportSection, schema: JsonSchema, items: readonly unknown[]): void => {
    if (items.length === 0) return;
    const missing: MissingWelsh[] = [];
    for (const item of items) {
      const fields: string[] = [];
      englishOnly(schema, item, '', fields);
      if (fields.length > 0) {
        const title = titleOf(item, language);
        missing.push({ ...(title && { title }), fields });
      }
    }
    coverage.push({ section, items: items.length, complete: items.length - missing.length, missing });
  };
  for (const section of SECTIONS) measure(section, ITEM_SCHEMAS[section], feed[section]);
  if (feed.contact) measure('contact', ContactSchema, [feed.contact]);
  return coverage;
}

/** What a local layer does to the national feed, by the merge's rules (src/feed/layers.ts). */
export interface LayerEffects {
  /** Local items with a national item's id in the same section: they replace it in place. */
  replaced: { section: (typeof SECTIONS)[number]; id: string }[];
  /** `hide` ids that no national item has: probably a typo, or an item the national feed dropped. */
  unmatchedHides: string[];
  /** `hide` ids of items the layer also replaces: the replacement is shown. */
  overriddenHides: string[];
  added: number;
  hidden: number;
}

export function layerEffects(national: Feed, local: Feed): LayerEffects {
  const effects: LayerEffects = { replaced: [], unmatchedHides: [], overriddenHides: [], added: 0, hidden: 0 };
  const nationalItems = SECTIONS.flatMap((section) => national[section] as { id: string }[]);
  for (const section of SECTIONS) {
    const ids = new Set((national[section] as { id: string }[]).map((item) => item.id));
    for (const { id } of local[section] as { id: string }[]) {
      if (ids.has(id)) effects.replaced.push({ section, id });
      else effects.added += 1;
    }
  }
  const replacedIds = new Set(effects.replaced.map((r) => r.id));
  for (const id of local.hide ?? []) {
    const matches = nationalItems.filter((item) => item.id === id).length;
    if (matches === 0) effects.unmatchedHides.push(id);
    else if (replacedIds.has(id)) effects.overriddenHides.push(id);
    else effects.hidden += matches;
  }
  return effects;
}
