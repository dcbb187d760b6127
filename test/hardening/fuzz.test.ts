import { ContextProvider } from '@lit/context';
import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { feedContext } from '../../src/feed/context.js';
import { feedEntryFromData, readFeed } from '../../src/feed/store.js';
import { ALL_SECTIONS } from '../../src/feed/schema.js';
import { useSections } from '../../src/feed/validate-sections.js';
import { FEED_URL, WIDGET_TAGS, catchUncaught, mount, viewOf, widgetsIn } from './widgets.js';

// The loader reads every section, as on a page with all four widgets.
useSections(ALL_SECTIONS);

declare global {
  interface Window {
    /** FUZZ_SEED from the test runner's environment, to replay a failed run. */
    CL_FUZZ_SEED?: number;
  }
}

/*
 * Random and near-valid feeds, seeded (the seed is in every failure message;
 * `FUZZ_SEED=<seed>` replays a run):
 * the loader never throws and always answers ready or error, and every
 * widget then shows content or an error panel, never a blank box, and
 * raises no uncaught error. 1,000 loader cases and 150 rendered feeds
 * (600 widget renders) a run.
 */
const SEED = window.CL_FUZZ_SEED ?? Date.now() % 2 ** 31;

/** Runs `check`; a failure names the seed and how to replay it. */
async function replayable(check: () => unknown): Promise<void> {
  try {
    await check();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(`Fuzz seed ${SEED}: replay with FUZZ_SEED=${SEED}.\n${message}`, { cause: error });
  }
}
const LOADER_RUNS = 1000;
const WIDGET_RUNS = 150;

const text = fc.oneof(
  fc.string(),
  fc.constant(''),
  fc.constant('   '),
  fc.record({ en: fc.string() }, { requiredKeys: [] }),
  fc.record({ cy: fc.string() }),
);
const id = fc.oneof(fc.stringMatching(/^[a-z0-9][a-z0-9-]{0,8}$/), fc.string());
const address = fc.oneof(
  fc.webUrl(),
  fc.constantFrom('javascript:alert(1)', 'media/x.webm', '', 'mailto:a@b.cy'),
  fc.string(),
);
/** Values of the wrong type anywhere: what a hand-edited feed looks like. */
const junk = fc.oneof(
  fc.constant(null),
  fc.boolean(),
  fc.integer(),
  fc.double(),
  fc.string(),
  fc.constant([]),
  fc.constant({}),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.oneof({ weight: 4, arbitrary: arb }, { weight: 1, arbitrary: junk });

const principle = fc.record(
  {
    id: maybe(id),
    number: maybe(fc.integer({ min: -2, max: 12 })),
    title: maybe(text),
    summary: maybe(text),
    practice: maybe(fc.array(maybe(text), { maxLength: 3 })),
    url: maybe(address),
  },
  { requiredKeys: [] },
);
const film = fc.record(
  {
    id: maybe(id),
    title: maybe(text),
    duration: maybe(fc.integer({ min: -5, max: 100_000 })),
    source: maybe(
      fc.oneof(
        fc.record({ provider: fc.constant('youtube'), id: fc.stringMatching(/^[A-Za-z0-9_-]{6,12}$/) }),
        fc.record({ provider: fc.constant('vimeo'), id: fc.stringMatching(/^\d{1,9}$/) }),
        fc.record({
          provider: fc.constant('file'),
          files: fc.array(fc.record({ src: address, type: fc.constantFrom('video/webm', 'video/mp4', 'text/html') }), {
            maxLength: 2,
          }),
        }),
        fc.record({ provider: fc.string() }),
      ),
    ),
    captions: maybe(fc.array(fc.record({ lang: fc.constantFrom('en', 'cy', 'fr'), src: address }), { maxLength: 2 })),
    transcript: maybe(fc.array(fc.record({ speaker: maybe(fc.string()), text: maybe(text) }), { maxLength: 2 })),
    url: maybe(address),
  },
  { requiredKeys: [] },
);
const resource = fc.record(
  {
    id: maybe(id),
    title: maybe(text),
    summary: maybe(text),
    url: maybe(address),
    type: maybe(fc.constantFrom('article', 'blog', 'video', 'guide', 'poem')),
    topics: maybe(fc.array(id, { maxLength: 2 })),
    published: maybe(fc.oneof(fc.constantFrom('2021', '2021-05', '2021-05-12', '2021-13-40'), fc.string())),
    languages: maybe(fc.array(fc.constantFrom('en', 'cy', 'de'), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);
const contact = fc.record(
  {
    endpoint: maybe(address),
    email: maybe(fc.oneof(fc.emailAddress(), fc.string())),
    phone: maybe(fc.string()),
    url: maybe(address),
    topics: maybe(fc.array(fc.record({ id, label: text }), { maxLength: 2 })),
  },
  { requiredKeys: [] },
);
/** A feed of the right overall shape whose parts are often wrong. */
const nearValidFeed = fc.record(
  {
    version: fc.oneof({ weight: 9, arbitrary: fc.constant(1) }, { weight: 1, arbitrary: junk }),
    updated: maybe(fc.string()),
    topics: maybe(fc.array(fc.record({ id, label: text }), { maxLength: 3 })),
    principles: maybe(fc.array(maybe(principle), { maxLength: 8 })),
    behaviours: maybe(fc.array(fc.record({ id, title: text }), { maxLength: 4 })),
    films: maybe(fc.array(maybe(film), { maxLength: 3 })),
    resources: maybe(fc.array(maybe(resource), { maxLength: 12 })),
    contact: maybe(contact),
  },
  { requiredKeys: ['version'] },
);
const anyFeed = fc.oneof(
  { weight: 3, arbitrary: nearValidFeed },
  { weight: 1, arbitrary: fc.anything() },
  { weight: 1, arbitrary: fc.jsonValue() },
);

describe(`feed fuzzing (seed ${SEED})`, () => {
  const warn = console.warn;
  before(() => {
    // Every skipped item is reported with console.warn; thousands would drown the test log.
    console.warn = () => undefined;
  });
  after(() => {
    console.warn = warn;
  });

  it(`the loader never throws and answers ready or error (${LOADER_RUNS} feeds)`, async () => {
    await replayable(() =>
      fc.assert(
        fc.property(anyFeed, (data) => {
          const state = readFeed(data, FEED_URL);
          return (
            state.status === 'error' ||
            (state.status === 'ready' && Array.isArray(state.feed.principles) && Array.isArray(state.feed.resources))
          );
        }),
        { seed: SEED, numRuns: LOADER_RUNS },
      ),
    );
  });

  it(`every widget shows content or an error panel, never a blank box or an uncaught error (${WIDGET_RUNS} feeds)`, async () => {
    const uncaught = catchUncaught();
    try {
      await replayable(() =>
        fc.assert(
          fc.asyncProperty(anyFeed, fc.constantFrom('en', 'cy'), async (data, lang) => {
            const container = mount('');
            new ContextProvider(container, { context: feedContext, initialValue: feedEntryFromData(data, FEED_URL) });
            container.innerHTML = WIDGET_TAGS.map((tag) => `<${tag} lang="${lang}"></${tag}>`).join('');
            try {
              const widgets = widgetsIn(container);
              for (const el of widgets) await el.updateComplete;
              const views = widgets.map((el) => `${el.localName}: ${viewOf(el)}`);
              expect(views.filter((view) => !view.endsWith(': content') && !view.endsWith(': error'))).to.deep.equal(
                [],
              );
              expect(uncaught.errors).to.deep.equal([]);
            } finally {
              container.remove();
            }
          }),
          { seed: SEED, numRuns: WIDGET_RUNS },
        ),
      );
    } finally {
      uncaught.stop();
    }
  });
});
