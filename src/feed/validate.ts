import * as v from 'valibot';
import { ContactSchema, FEED_VERSION, FeedHeaderSchema, ITEM_SCHEMAS, SECTIONS, type Feed } from './schema.js';

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
}

type PathItem = NonNullable<v.BaseIssue<unknown>['path']>[number];

function pathOf(prefix: string, items: readonly PathItem[]): string {
  let path = prefix;
  for (const item of items) {
    const key = (item as { key: unknown }).key;
    path += typeof key === 'number' ? `[${key}]` : path === '' ? String(key) : `.${String(key)}`;
  }
  return path;
}

/**
 * A union reports "matched nothing"; when one branch had the right shape and
 * failed only a rule (a pattern), that rule's message and place say more.
 * A branch's issues carry paths relative to the union, so paths are joined.
 */
function mostSpecific(issue: v.BaseIssue<unknown>, above: readonly PathItem[] = []): { issue: v.BaseIssue<unknown>; path: PathItem[] } {
  const path = [...above, ...(issue.path ?? [])];
  if (issue.type !== 'union' || !issue.issues) return { issue, path };
  const validation = issue.issues.filter((sub) => sub.kind === 'validation');
  if (validation.length === 0) return { issue, path };
  const deepest = validation.reduce((a, b) => ((b.path?.length ?? 0) > (a.path?.length ?? 0) ? b : a));
  return mostSpecific(deepest, path);
}

function problemsOf(prefix: string, issues: readonly v.BaseIssue<unknown>[]): FeedProblem[] {
  return issues.map((found) => {
    const { issue, path } = mostSpecific(found);
    return { path: pathOf(prefix, path), message: issue.message };
  });
}

/**
 * Validates a parsed feed. Each list item is checked alone: an invalid item
 * is reported with its path and skipped, and the valid rest is kept.
 */
export function validateFeed(data: unknown): FeedValidation {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { problems: [], fatal: { code: 'not-object', message: 'The feed is not a JSON object.' } };
  }
  const record = data as Record<string, unknown>;
  if (record.version !== FEED_VERSION) {
    return {
      problems: [],
      fatal: {
        code: 'version',
        message: `The feed's version is ${JSON.stringify(record.version)}; this library reads version ${FEED_VERSION}.`,
      },
    };
  }
  const problems: FeedProblem[] = [];
  const header = v.safeParse(FeedHeaderSchema, record, { abortPipeEarly: true });
  const feed: Feed = { version: FEED_VERSION, topics: [], principles: [], behaviours: [], films: [], resources: [] };
  if (header.success) {
    if (header.output.updated !== undefined) feed.updated = header.output.updated;
    if (header.output.source !== undefined) feed.source = header.output.source;
  } else {
    problems.push(...problemsOf('', header.issues));
  }
  for (const section of SECTIONS) {
    const list = record[section];
    if (list === undefined) continue;
    if (!Array.isArray(list)) {
      problems.push({ path: section, message: 'must be a list' });
      continue;
    }
    const schema = ITEM_SCHEMAS[section];
    const kept: unknown[] = [];
    list.forEach((item, index) => {
      const result = v.safeParse(schema, item, { abortPipeEarly: true });
      if (result.success) kept.push(result.output);
      else problems.push(...problemsOf(`${section}[${index}]`, result.issues));
    });
    (feed[section] as unknown[]) = kept;
  }
  if (record.contact !== undefined) {
    const contact = v.safeParse(ContactSchema, record.contact, { abortPipeEarly: true });
    if (contact.success) feed.contact = contact.output;
    else problems.push(...problemsOf('contact', contact.issues));
  }
  return { feed, problems };
}
