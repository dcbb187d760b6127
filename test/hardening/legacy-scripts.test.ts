import { expect } from '@open-wc/testing';
import type { ClElement } from '../../src/internal/cl-element.js';
import { mock, server, uniqueName, until } from '../harness.js';
import { closePages } from '../prerendered-page.js';
import { fillAndSend, openScriptedPage, operate, settledView, type ScriptedPage } from './widgets.js';

/*
 * Partner pages that still carry an old library, loaded before the widgets, which rewrites the browser's built-ins.
 * The principle cards keep their skeleton while the feed is on its way; then every widget shows the partner's feed
 * in the page's language, works by keyboard and sends a message, and no error reaches the page; a repeat view shows
 * the saved copy. The libraries are the real files (test/fixtures/host-scripts/, from Debian's packages; zone.js and
 * the custom-elements polyfills from npm), except Prototype 1.6's Array#toJSON, reproduced in a few lines.
 */
const HOST_SCRIPTS: Record<string, string> = {
  // Array.from = $A (no map function, no iterables); Element methods on HTMLElement.prototype.
  'Prototype 1.7.3': '/test/fixtures/host-scripts/prototype-1.7.3.js',
  // window.Event replaced by MooTools' DOMEvent; Array.from, Function#bind replaced.
  'MooTools Core 1.4.5': '/test/fixtures/host-scripts/mootools-core-1.4.5.js',
  // Angular's: Promise, timers, listeners, observers and fetch patched.
  'zone.js 0.16.3': '/node_modules/zone.js/bundles/zone.umd.js',
  // Array.prototype.toJSON: the page's JSON.stringify writes lists as strings.
  'Prototype 1.6’s Array#toJSON': '/test/fixtures/host-scripts/prototype-1.6-array-tojson.js',
  // Custom-elements polyfills that pages built with Polymer or Angular Elements still load.
  // window.HTMLElement replaced by a function that constructs through Reflect.construct, for ES5 classes.
  'webcomponentsjs 2.8’s ES5 adapter': '/node_modules/@webcomponents/webcomponentsjs/custom-elements-es5-adapter.js',
  // Every web components polyfill, each used only where the browser lacks the feature.
  'webcomponentsjs 2.8’s bundle': '/node_modules/@webcomponents/webcomponentsjs/webcomponents-bundle.js',
  // Custom elements where missing, and customized built-ins (is="…") where those are: WebKit.
  'document-register-element 1.14': '/node_modules/document-register-element/build/document-register-element.js',
  // Customized built-ins where missing (WebKit): attachShadow, createElement and customElements' methods wrapped.
  '@ungap/custom-elements 1.3': '/node_modules/@ungap/custom-elements/min.js',
};

const LANGUAGES = ['en', 'cy'] as const;
type Language = (typeof LANGUAGES)[number];

interface HardeningFeed {
  principles: { title: string | Record<Language, string> }[];
}

/** The principles' titles in `lang`: a plain string is the same in both. */
const titlesIn = (feed: HardeningFeed, lang: Language): string[] =>
  feed.principles.map(({ title }) => (typeof title === 'string' ? title : title[lang]));

/** The hardening feed with its relative film addresses made absolute, to be served from a mock's address. */
async function feedText(): Promise<string> {
  const text = await (await fetch(`${server}/test/fixtures/hardening/feed.json`)).text();
  return text.replaceAll('"../film-player/', `"${server}/test/fixtures/film-player/`);
}

const cards = (page: ScriptedPage): ClElement => page.widget('cl-principle-cards');
const titles = (el: ClElement): string[] =>
  [...el.shadowRoot!.querySelectorAll('[part="card"] [part~="title"]')].map((title) => title.textContent!.trim());

describe('old libraries on the partner’s page', () => {
  let feed: HardeningFeed;
  let text: string;

  before(async () => {
    text = await feedText();
    feed = JSON.parse(text) as HardeningFeed;
  });

  // Focus goes back to the test's page before the frame goes, so the next page's keys reach it (WebKit needs it).
  afterEach(closePages);

  for (const [library, script] of Object.entries(HOST_SCRIPTS)) {
    describe(library, () => {
      for (const lang of LANGUAGES) {
        it(`(${lang}) skeleton cards while the feed is on its way, then the partner’s feed in the page’s language, by keyboard, a message sent, with no error`, async () => {
          const gate = uniqueName('legacy-gate');
          const feedUrl = await mock(uniqueName('legacy-feed'), { body: text, holdUntil: gate });
          const page = await openScriptedPage(script, lang, feedUrl);

          await until(() => cards(page).shadowRoot?.querySelector('[aria-busy="true"]'), 'the cards’ loading view');
          expect(cards(page).shadowRoot!.querySelectorAll('.skeleton-card').length, 'skeleton cards').to.equal(7);

          await mock(gate, { body: '' });
          for (const el of page.widgets) {
            expect(await settledView(el), el.localName).to.equal('content');
            expect(el.language, `${el.localName}'s language`).to.equal(lang);
          }
          expect(titles(cards(page))).to.deep.equal(titlesIn(feed, lang));
          for (const el of page.widgets) await operate(el);
          const form = page.widget('cl-contact-form');
          await fillAndSend(form);
          await until(() => form.shadowRoot!.querySelector('.confirmation'), 'the confirmation', 12_000);
          expect(page.errors).to.deep.equal([]);
        });
      }

      it('(en) a repeat view whose feed request fails shows the saved copy, every principle in it', async () => {
        const feedUrl = await mock(uniqueName('legacy-repeat'), { body: text }, { status: 503, body: 'down' });
        const first = await openScriptedPage(script, 'en', feedUrl);
        expect(await settledView(cards(first))).to.equal('content');
        // The copy is written in idle time: the repeat view starts once it is stored.
        await until(() => localStorage.getItem(`cl-widgets:feed:${feedUrl}`), 'the saved copy');
        closePages();

        const repeat = await openScriptedPage(script, 'en', feedUrl);
        await until(() => cards(repeat).shadowRoot?.querySelector('[part="stale"]'), 'the saved copy’s notice');
        expect(titles(cards(repeat))).to.deep.equal(titlesIn(feed, 'en'));
        expect([...first.errors, ...repeat.errors]).to.deep.equal([]);
      });
    });
  }
});
