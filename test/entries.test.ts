import { expect } from '@open-wc/testing';
import { mock, openEntryPage, requestCount, uniqueName, until } from './harness.js';

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
