import { expect } from '@open-wc/testing';
import '../src/components/resource-list/define.js';
import { STORAGE_PREFIX } from '../src/internal/storage.js';
import {
  holdResponses,
  mock,
  mount,
  openEntryPage,
  parts,
  requestCount,
  uniqueName,
  unmountAll,
  until,
  webkit,
} from './harness.js';

/*
 * A repeat view never waits: a saved copy of the feed younger than its `maxAge` is shown at once, then checked with
 * the server by a conditional request (the server's ETag; 304 when unchanged). The same content changes nothing;
 * new content replaces it in place, keeping focus and what the reader typed; a failure marks it as saved; an older
 * copy waits for the server.
 */

const resource = (id: string, title: string) => ({
  id,
  title,
  url: `https://example.org/${id}`,
  type: 'guide',
  languages: ['en'],
  published: '2026-01',
});
const feedV1 = { version: 1, resources: [resource('a', 'First guide'), resource('b', 'Second guide')] };
const feedV2 = { version: 1, resources: [resource('a', 'First guide, revised'), resource('b', 'Second guide')] };

const titles = (el: Element) => parts(el, 'title').map((title) => title.textContent?.split('↗')[0]?.trim());
const savedAt = (url: string): number | undefined =>
  (JSON.parse(localStorage.getItem(`${STORAGE_PREFIX}feed:${url}`) ?? 'null') as { savedAt?: number } | null)?.savedAt;

/** The first visit, in a page of its own: it loads the feed from the server and saves a copy. */
async function firstVisit(url: string): Promise<void> {
  const { frame, page } = await openEntryPage('resource-list', url);
  try {
    await until(() => page.feedEvents?.length, 'the first visit loads the feed');
    // Written once the page is idle, after the render.
    await until(() => savedAt(url), 'a saved copy');
  } finally {
    frame.remove();
  }
}

/** The repeat view: this page has not read `url` yet; every response from it is held until `release()`. */
async function repeatView(url: string) {
  const hold = holdResponses(url);
  const events: { type: string; stale?: boolean }[] = [];
  const container = await mount<HTMLDivElement>('<div></div>');
  const list = Object.assign(document.createElement('cl-resource-list'), { src: url });
  // Listening before the element is connected: its first render may already announce the saved copy.
  for (const type of ['cl-feed-load', 'cl-feed-error'])
    list.addEventListener(type, (event) => events.push({ type, ...(event as CustomEvent).detail }));
  container.append(list);
  await list.updateComplete;
  return { list, hold, events };
}

describe('repeat views: the saved copy at once, then a conditional request', () => {
  afterEach(unmountAll);

  // WebKit's automation session keeps no HTTP cache, as a private window: there the browser has no copy to ask about,
  // so the server answers in full (200), and the same content changes nothing just as a 304 does.
  const answer = webkit ? 'a full answer with the same content' : 'a 304';
  it(`shows the saved copy before any response, and ${answer} changes nothing`, async () => {
    const name = uniqueName('repeat-304');
    const url = await mock(name, { body: feedV1, etag: '"v1"' });
    await firstVisit(url);
    const before = savedAt(url)!;
    const { list, hold, events } = await repeatView(url);
    try {
      await until(() => hold.held() === 1, 'the conditional request, held');
      expect(events, 'the saved copy announced as loaded').to.deep.equal([{ type: 'cl-feed-load', url, stale: false }]);
      expect(titles(list), 'painted from the saved copy while the request is pending').to.deep.equal([
        'First guide',
        'Second guide',
      ]);
      expect(list.shadowRoot!.querySelector('[aria-busy="true"]')).to.equal(null);
      const firstItem = parts(list, 'item')[0];
      hold.release();
      await until(() => savedAt(url)! > before, 'the saved copy confirmed by the server');
      expect(await requestCount(`/__test__/mock/${name}`, '304'), 'answered 304').to.equal(webkit ? 0 : 1);
      expect(await requestCount(`/__test__/mock/${name}`), 'both visits asked').to.equal(2);
      expect(parts(list, 'item')[0], 'the same elements').to.equal(firstItem);
      expect(parts(list, 'stale')).to.have.length(0);
      expect(events, 'no second announcement').to.have.length(1);
    } finally {
      hold.restore();
    }
  });

  it('replaces the saved copy in place with new content, keeping focus and the words typed', async () => {
    const name = uniqueName('repeat-changed');
    const url = await mock(name, { body: feedV1, etag: '"v1"' });
    await firstVisit(url);
    await mock(name, { body: feedV2, etag: '"v2"' });
    const { list, hold, events } = await repeatView(url);
    try {
      await until(() => hold.held() === 1, 'the conditional request, held');
      const search = list.shadowRoot!.querySelector<HTMLInputElement>('input[type="search"]')!;
      search.focus();
      search.value = 'guide';
      search.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
      hold.release();
      await until(() => titles(list)[0] === 'First guide, revised', 'the new content');
      expect(list.shadowRoot!.activeElement, 'focus stays in the search box').to.equal(search);
      expect(search.value).to.equal('guide');
      expect(parts(list, 'stale')).to.have.length(0);
      expect(events).to.deep.equal([
        { type: 'cl-feed-load', url, stale: false },
        { type: 'cl-feed-load', url, stale: false },
      ]);
      expect(await requestCount(`/__test__/mock/${name}`, '304')).to.equal(0);
    } finally {
      hold.restore();
    }
  });

  it('marks the saved copy as saved when the server cannot answer', async () => {
    const name = uniqueName('repeat-down');
    const url = await mock(name, { body: feedV1, etag: '"v1"' });
    await firstVisit(url);
    await mock(name, { status: 503, body: 'down' });
    const { list, hold } = await repeatView(url);
    try {
      await until(() => hold.held() === 1, 'the conditional request, held');
      expect(parts(list, 'stale'), 'no notice while the check is pending').to.have.length(0);
      hold.release();
      await until(() => parts(list, 'stale').length === 1, 'the saved-copy notice');
      expect(titles(list)).to.deep.equal(['First guide', 'Second guide']);
    } finally {
      hold.restore();
    }
  });

  it("waits for the server when the saved copy is older than the feed's maxAge", async () => {
    const name = uniqueName('repeat-max-age');
    const url = await mock(name, { body: { ...feedV1, maxAge: 0 }, etag: '"v1"' });
    await firstVisit(url);
    const { list, hold } = await repeatView(url);
    try {
      await until(() => hold.held() === 1, 'the request, held');
      expect(list.shadowRoot!.querySelector('[aria-busy="true"]'), 'loading while the request is pending').to.not.equal(
        null,
      );
      expect(titles(list)).to.deep.equal([]);
      hold.release();
      await until(() => titles(list).length === 2, 'the feed');
    } finally {
      hold.restore();
    }
  });
});
