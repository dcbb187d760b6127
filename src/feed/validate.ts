import {
  ContactSchema,
  FEED_VERSION,
  FeedHeaderSchema,
  ITEM_SCHEMAS,
  SAFE_URL_MESSAGE,
  SECTIONS,
  UnlinkedResourceSchema,
  type Feed,
  type LocalText,
  type PracticeItem,
  type Principle,
} from './schema.js';
import { validate, type Problem } from './schema-kit.js';

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

function problemsOf(prefix: string, problems: readonly Problem[]): FeedProblem[] {
  return problems.map(({ path, message }) => ({
    path: path.reduce<string>(
      (at, key) => (typeof key === 'number' ? `${at}[${key}]` : at === '' ? key : `${at}.${key}`),
      prefix,
    ),
    message,
  }));
}

/** One shape for the widgets: a plain-text practice point becomes `{ text }`. */
function withPracticeItems(principle: Principle): Principle {
  if (principle.practice === undefined) return principle;
  const practice = (principle.practice as (PracticeItem | LocalText)[]).map((point) =>
    typeof point === 'object' && 'text' in point ? point : { text: point },
  );
  return { ...principle, practice };
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
  const feed: Feed = { version: FEED_VERSION, topics: [], principles: [], behaviours: [], films: [], resources: [] };
  const header = validate(FeedHeaderSchema, record);
  if (header.success) {
    if (header.output.updated !== undefined) feed.updated = header.output.updated;
    if (header.output.source !== undefined) feed.source = header.output.source;
    if (header.output.hide !== undefined) feed.hide = header.output.hide;
    if (header.output.order !== undefined) feed.order = header.output.order;
  } else {
    problems.push(...problemsOf('', header.problems));
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
      const result = validate<unknown>(schema, item);
      if (result.success) {
        kept.push(section === 'principles' ? withPracticeItems(result.output as Principle) : result.output);
        return;
      }
      problems.push(...problemsOf(`${section}[${index}]`, result.problems));
      // A resource whose only fault is an unsafe address is still listed, without its link.
      if (
        section === 'resources' &&
        result.problems.every((p) => p.path[0] === 'url' && p.message === SAFE_URL_MESSAGE)
      ) {
        const unlinked = validate(UnlinkedResourceSchema, { ...(item as object), url: undefined });
        if (unlinked.success) kept.push(unlinked.output);
      }
    });
    (feed[section] as unknown[]) = kept;
  }
  if (record.contact !== undefined) {
    const contact = validate(ContactSchema, record.contact);
    if (contact.success) feed.contact = contact.output;
    else problems.push(...problemsOf('contact', contact.problems));
  }
  return { feed, problems };
}
