import { FEED_VERSION, FeedHeaderSchema, HEADER_KEYS, SECTIONS, TopicSchema, type Section } from './schema-common.js';
import { validate, type Problem } from './schema-kit.js';
import { toJson } from '../internal/json.js';
import type { Feed } from './schema.js';
import type { SectionRule, SectionRules } from './section-rule.js';

export type { SectionRule, SectionRules } from './section-rule.js';

/** One thing wrong in a feed, with its place: `resources[3].url`. */
export interface FeedProblem {
  path: string;
  message: string;
}

export type FeedFailureCode = 'not-object' | 'version';

export interface FeedValidation {
  /** The valid part of the feed; absent when the feed cannot be read at all. */
  feed?: Feed;
  /** Items skipped or fields refused; the rest of the feed is kept. */
  problems: FeedProblem[];
  /** Why nothing could be read. */
  fatal?: { code: FeedFailureCode; message: string };
  /** Lists read only in part (`firstOnly`): each one's whole length. */
  partial?: Partial<Record<Section, number>>;
}

/*
 * The sections the widgets on this page read. A widget adds its own when it is created (FeedController), so a page
 * validates only what its widgets show; topics are small and label several widgets' items, so they are always read.
 */
const registered: SectionRules = { topics: { schema: TopicSchema } };
const listeners = new Set<(added: SectionRules) => void>();
const complete = (): boolean => [...SECTIONS, 'contact' as const].every((section) => registered[section]);

/** Adds the sections a widget reads; feeds already read are read again for the new ones (onSectionsAdded). */
export function useSections(rules: SectionRules): void {
  const added: SectionRules = {};
  for (const [section, rule] of Object.entries(rules) as [Section | 'contact', SectionRule][]) {
    if (!registered[section]) added[section] = registered[section] = rule;
  }
  if (Object.keys(added).length > 0) for (const listener of listeners) listener(added);
  // Once every section is read nothing more can be added: let go of the entries (and the feeds they hold).
  if (complete()) listeners.clear();
}

/** Calls `listener` with the sections added by each later `useSections`. */
export function onSectionsAdded(listener: (added: SectionRules) => void): void {
  if (!complete()) listeners.add(listener);
}

/**
 * The part of a feed this page reads (its header and the sections its widgets show), as text: two copies with the
 * same part look the same on the page, whatever else differs (a prerendered copy holds only its widget's sections).
 */
export function readPart(data: unknown): string {
  const record = (data ?? {}) as Record<string, unknown>;
  return toJson([...HEADER_KEYS, ...Object.keys(registered)].map((key) => record[key]));
}

function problemsOf(prefix: string, problems: readonly Problem[]): FeedProblem[] {
  return problems.map(({ path, message }) => ({
    path: path.reduce<string>(
      (at, key) => (typeof key === 'number' ? `${at}[${key}]` : at === '' ? key : `${at}.${key}`),
      prefix,
    ),
    message,
  }));
}

/**
 * Validates a parsed feed's header and the sections `rules` name (by default, those the page's widgets read); the
 * other lists are empty. Each list item is checked alone: an invalid item is reported with its path and skipped,
 * and the valid rest is kept. `header: false` reads only the sections (the header was read before). `firstOnly`: a long
 * list whose rule reads it in two steps (`SectionRule.first`) holds only its first items (`partial`, and their
 * problems are reported with the whole list).
 */
export function validateSections(
  data: unknown,
  rules: SectionRules = registered,
  header = true,
  firstOnly = false,
): FeedValidation {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problems: [], fatal: { code: 'not-object', message: 'The feed is not a JSON object.' } };
  }
  const record = data as Record<string, unknown>;
  if (record.version !== FEED_VERSION) {
    return {
      problems: [],
      fatal: {
        code: 'version',
        message: `The feed's version is ${toJson(record.version)}; this library reads version ${FEED_VERSION}.`,
      },
    };
  }
  const problems: FeedProblem[] = [];
  const feed: Feed = { version: FEED_VERSION, topics: [], principles: [], behaviours: [], films: [], resources: [] };
  const head = header ? validate(FeedHeaderSchema, record) : undefined;
  if (head?.success) {
    for (const key of HEADER_KEYS) {
      if (head.output[key] !== undefined) Object.assign(feed, { [key]: head.output[key] });
    }
  } else if (head) {
    problems.push(...problemsOf('', head.problems));
  }
  let partial: FeedValidation['partial'];
  for (const [section, rule] of Object.entries(rules) as [Section | 'contact', SectionRule][]) {
    const value = record[section];
    if (value === undefined) continue;
    const read = (item: unknown, path: string, found = problems): unknown => {
      const result = validate<never>(rule.schema, item);
      if (result.success) return rule.shape ? rule.shape(result.output) : result.output;
      found.push(...problemsOf(path, result.problems));
      return rule.rescue?.(item, result.problems);
    };
    if (section === 'contact') {
      const contact = read(value, 'contact');
      if (contact !== undefined) feed.contact = contact as Feed['contact'];
    } else if (!Array.isArray(value)) {
      problems.push({ path: section, message: 'must be a list' });
    } else {
      // A long list's first items (its rule says which; their problems are reported with the whole list), or every item.
      const first = firstOnly ? rule.first?.(value, (item) => read(item, '', [])) : undefined;
      if (first) (partial ??= {})[section] = value.length;
      (feed[section] as unknown[]) =
        first ?? value.map((item, index) => read(item, `${section}[${index}]`)).filter((item) => item !== undefined);
    }
  }
  return { feed, problems, ...(partial && { partial }) };
}
