import { expect } from '@open-wc/testing';
import { builtEntryHolding } from './built-entry.js';
import { mock, openEntryPage, requestCount, uniqueName, until, untilRequested } from './harness.js';

/** The built-in feed with `marker` in a principle's, a film's and a resource's title, so the page shows which feed it read. */
async function markedFeed(marker: string): Promise<unknown> {
  const feed = (await (await fetch('/feed/built-in.json')).json()) as {
    principles: { title: { en: string } }[];
    films: { title: string }[];
    resources: { title: { en: string } }[];
  };
  feed.principles[0]!.title.en = marker;
  feed.films[0]!.title = marker;
  feed.resources[0]!.title.en = marker;
  return feed;
}

/** The text of `element`'s shadow root. */
function shadowText(element: Element): string {
  return element.shadowRoot?.textContent ?? '';
}

/*
 * A partner page that loads one widget's CDN entry (dist/cdn, built by
 * `npm run build`) and puts the widget inside <cl-feed src>: the widget loads
 * <cl-feed> from the same folder, reads only that feed, and says so with
 * `cl-feed-load`.
 */
describe('each CDN entry alone inside <cl-feed src>', () => {
  const marked: Record<string, ((root: Element) => boolean) | undefined> = {
    'principle-cards': (el) => shadowText(el).includes('MARKER'),
    'film-player': (el) => shadowText(el).includes('MARKER'),
    'resource-list': (el) => shadowText(el).includes('MARKER'),
    // The contact form shows no feed titles: its cl-feed-load names the feed it read.
    'contact-form': undefined,
  };

  for (const [entry, showsMarker] of Object.entries(marked)) {
    it(`cl-${entry}: shows the <cl-feed>'s feed and never requests the built-in feed`, async () => {
      const name = uniqueName(`entry-${entry}`);
      const url = await mock(name, { body: await markedFeed('MARKER') });
      const { frame, page } = await openEntryPage(entry, url);
      try {
        await until(() => page.feedEvents?.length, `cl-${entry}'s feed event`);
        expect(page.feedEvents).to.deep.equal([{ type: 'cl-feed-load', url, stale: false }]);
        const widget = page.document.querySelector(`cl-${entry}`)!;
        expect(page.customElements.get('cl-feed'), '<cl-feed> defined by the widget entry').to.be.a('function');
        if (showsMarker) await until(() => showsMarker(widget), `cl-${entry} showing the provided feed`);
        expect(widget.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
        expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
        const builtIn = page.performance
          .getEntriesByType('resource')
          .filter((timing) => timing.name.endsWith('/feed/built-in.json'));
        expect(builtIn.map((timing) => timing.name)).to.deep.equal([]);
      } finally {
        frame.remove();
      }
    });
  }
});

/*
 * A partner page with one widget and its CDN entry by a plain script tag, on a slow network: the entry (a loader)
 * asks for the widget's feed at once, while the widget's code (held back here: the core chunk every widget imports)
 * has not come; the widget then reads that request, not a second one.
 */
describe('each CDN entry by a plain script tag', () => {
  const cases = [
    ...['principle-cards', 'film-player', 'resource-list', 'contact-form'].map((widget) => ({ widget, late: false })),
    // The widget added by a module script of the page's own, which runs after the entry's.
    { widget: 'principle-cards', late: true },
  ];
  for (const { widget, late } of cases) {
    const where = late ? ', added by the page’s script after it' : '';
    it(`cl-${widget}${where}: its feed is asked for before its code has come, once`, async () => {
      const name = uniqueName(`plain-${widget}`);
      const url = await mock(name, { body: await markedFeed('MARKER') });
      const gate = uniqueName('core-chunk-gate');
      const entry = await builtEntryHolding(`${widget}.js`, 'core-', gate);
      const frame = document.createElement('iframe');
      const query = new URLSearchParams({ widget, feed: url, entry, ...(late && { late: '' }) });
      frame.src = `/test/fixtures/entries/plain-script-tag.html?${query}`;
      // Not waiting for its load event: the page's module script may hold it back, and its code is held.
      document.body.append(frame);
      try {
        await untilRequested(`/__test__/mock/${name}`, 0, 'the feed asked for while the core chunk is held');
        const page = frame.contentWindow!;
        expect(page.customElements.get(`cl-${widget}`), 'the widget, not defined yet').to.equal(undefined);
        await mock(gate, {});
        const element = page.document.querySelector(`cl-${widget}`)!;
        await until(
          () =>
            element.shadowRoot?.querySelector('.cl-root') && !element.shadowRoot.querySelector('[aria-busy="true"]'),
          `cl-${widget} loaded`,
        );
        // The feed it read (the contact form shows no feed titles): no error panel in its place.
        if (widget !== 'contact-form') expect(shadowText(element)).to.include('MARKER');
        expect(Boolean(element.shadowRoot!.querySelector('[part="error"][role="alert"]')), 'an error').to.equal(false);
        expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
      } finally {
        frame.remove();
        await mock(gate, {});
      }
    });
  }
});
