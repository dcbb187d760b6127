import { expect, fixture, html } from '@open-wc/testing';
import { feedEntry, feedEntryFromData, feedStoreOptions, type FeedState } from '../src/feed/store.js';
import { STORAGE_PREFIX } from '../src/internal/storage.js';
import { ALL_SECTIONS } from '../src/feed/schema.js';
import { useSections } from '../src/feed/validate-sections.js';
import { resolveFeedUrls } from '../src/feed/resolve-urls.js';
import type { Feed } from '../src/feed/schema.js';
import { holdResponses, mock, requestCount, server, uniqueName, until } from './harness.js';
import './fixtures/test-feed-widget.js';

const principle = { id: 'direction', number: 1, title: { en: 'Agreeing direction' }, summary: 'Agree goals early.' };
const goodFeed = {
  version: 1,
  principles: [principle],
  films: [{ id: 'f', title: 'F', poster: 'media/poster.png', captions: [{ lang: 'cy', src: '../captions/f.cy.vtt' }] }],
};

/** `state` narrowed to ready; fails the test otherwise. */
function ready(state: FeedState): Extract<FeedState, { status: 'ready' }> {
  expect(state.status).to.equal('ready');
  if (state.status !== 'ready') throw new Error('not ready');
  return state;
}

async function settle(url: string): Promise<Exclude<FeedState, { status: 'loading' }>> {
  const entry = feedEntry(url);
  await until(() => entry.state.status !== 'loading', `feed ${url}`);
  return entry.state as Exclude<FeedState, { status: 'loading' }>;
}

// The store reads the sections the page's widgets show; these tests read every section, as a page of all four widgets.
useSections(ALL_SECTIONS);

describe('feed store', () => {
  afterEach(() => {
    feedStoreOptions.timeoutMs = 10_000;
  });

  it('loads a feed from another origin and resolves its relative addresses against the feed, not the page', async () => {
    const url = await mock(uniqueName('good'), { body: goodFeed });
    const state = await settle(url);
    expect(state.status).to.equal('ready');
    if (state.status !== 'ready') return;
    expect(state.stale).to.equal(false);
    expect(state.problems).to.deep.equal([]);
    expect(state.feed.films[0]!.poster).to.equal(`${server}/__test__/mock/media/poster.png`);
    expect(state.feed.films[0]!.captions![0]!.src).to.equal(`${server}/__test__/captions/f.cy.vtt`);
  });

  for (const [status, code] of [
    [404, 'http'],
    [500, 'http'],
  ] as const) {
    it(`reports a ${status} as an error with its status`, async () => {
      const url = await mock(uniqueName(`status-${status}`), { status, body: { error: 'x' } });
      const state = await settle(url);
      expect(state).to.include({ status: 'error', code, httpStatus: status });
    });
  }

  it('gives up after the timeout', async () => {
    feedStoreOptions.timeoutMs = 300;
    const url = await mock(uniqueName('slow'), { body: goodFeed });
    // The answer is held back until after the test: only the store's timeout can end the wait.
    const held = holdResponses(url);
    try {
      expect(await settle(url)).to.include({ status: 'error', code: 'timeout' });
      expect(held.held()).to.equal(1);
    } finally {
      held.restore();
    }
  });

  it('loads on retry after a timeout', async () => {
    feedStoreOptions.timeoutMs = 300;
    const url = await mock(uniqueName('slow-then-fast'), { body: goodFeed });
    const held = holdResponses(url);
    try {
      expect(await settle(url)).to.include({ status: 'error', code: 'timeout' });
    } finally {
      held.restore();
    }
    feedEntry(url).reload();
    expect(await settle(url)).to.include({ status: 'ready', stale: false });
  });

  it('gives up on a body that trickles in past the timeout', async () => {
    feedStoreOptions.timeoutMs = 400;
    const url = await mock(uniqueName('trickle'), { body: goodFeed, trickleMs: 20 });
    expect(await settle(url)).to.include({ status: 'error', code: 'timeout' });
  });

  it('says so when the body is not JSON', async () => {
    const url = await mock(uniqueName('not-json'), {
      body: '<html>Not found</html>',
      headers: { 'Content-Type': 'text/html' },
    });
    expect(await settle(url)).to.include({ status: 'error', code: 'not-json' });
  });

  it('says so when the body is truncated JSON', async () => {
    const url = await mock(uniqueName('truncated'), { body: JSON.stringify(goodFeed).slice(0, 40) });
    expect(await settle(url)).to.include({ status: 'error', code: 'not-json' });
  });

  it('refuses a body over 2 MB', async () => {
    const big = { version: 1, notes: ['x'.repeat(2_100_000)] };
    const url = await mock(uniqueName('big'), { body: big });
    expect(await settle(url)).to.include({ status: 'error', code: 'too-large' });
  });

  it('refuses a feed of an unknown version', async () => {
    const url = await mock(uniqueName('v2'), { body: { version: 2 } });
    const state = await settle(url);
    expect(state).to.include({ status: 'error', code: 'version' });
  });

  it('skips invalid items, names their paths, and keeps the valid rest', async () => {
    const url = await mock(uniqueName('partly'), {
      body: {
        version: 1,
        principles: [principle, { ...principle, id: 'bad', number: 'two' }],
        resources: [
          { id: 'ok', title: 'OK', url: 'https://example.org/', type: 'blog', languages: ['en'] },
          { id: 'evil', title: 'Evil', url: 'JavaScript:alert(1)', type: 'blog', languages: ['en'] },
        ],
      },
    });
    const state = await settle(url);
    expect(state.status).to.equal('ready');
    if (state.status !== 'ready') return;
    expect(state.feed.principles.map((p) => p.id)).to.deep.equal(['direction']);
    // A resource whose only fault is its address is kept, without the address, so it can be listed unlinked.
    expect(state.feed.resources.map((r) => [r.id, r.url])).to.deep.equal([
      ['ok', 'https://example.org/'],
      ['evil', undefined],
    ]);
    expect(state.problems.map((p) => p.path)).to.deep.equal(['principles[1].number', 'resources[1].url']);
  });

  it('serves the last good copy, marked stale, when the server later fails', async () => {
    const url = await mock(uniqueName('then-fail'), { body: goodFeed }, { status: 503 });
    const before = Date.now();
    expect(await settle(url)).to.include({ status: 'ready', stale: false });
    const saved = Date.now();
    feedEntry(url).reload();
    const state = ready(await settle(url));
    expect(state.stale).to.equal(true);
    expect(state.feed.principles.map((p) => p.id)).to.deep.equal(['direction']);
    expect(state.savedAt).to.be.within(before, saved);
  });

  for (const [fault, answer] of [
    ['a feed of an unknown version', { body: { version: 9 } }],
    ['a body that is not JSON', { body: '<html>Maintenance</html>', headers: { 'Content-Type': 'text/html' } }],
    ['a body that is not a feed object', { body: [1, 2, 3] }],
  ] as const) {
    it(`serves the last good copy, marked stale, when a fresh 200 answer is ${fault}`, async () => {
      const url = await mock(uniqueName('then-invalid'), { body: goodFeed }, answer);
      expect(await settle(url)).to.include({ status: 'ready', stale: false });
      feedEntry(url).reload();
      const state = ready(await settle(url));
      expect(state.stale).to.equal(true);
      expect(state.feed.principles.map((p) => p.id)).to.deep.equal(['direction']);
      expect(await requestCount(new URL(url).pathname)).to.equal(2);
    });
  }

  it('re-validates a hostile saved copy: bad items skipped, unsafe addresses dropped, its unsafe base never used', async () => {
    const url = await mock(uniqueName('hostile-copy'), { status: 500 });
    const hostile = {
      version: 1,
      principles: [principle, { ...principle, id: 'Bad Id', number: -1 }],
      films: [{ id: 'f', title: 'F', poster: 'media/poster.png' }],
      resources: [
        { id: 'evil', title: 'Evil', url: 'javascript:alert(1)', type: 'blog', languages: ['en'] },
        { id: 'data', title: 'Data', url: 'data:text/html,<script>alert(1)</script>', type: 'blog', languages: ['en'] },
      ],
    };
    localStorage.setItem(
      `${STORAGE_PREFIX}feed:${url}`,
      JSON.stringify({ url: 'javascript:alert(2)//', savedAt: 1, data: hostile }),
    );
    const state = await settle(url);
    const served = ready(state);
    expect(JSON.stringify(served)).to.not.match(/javascript:|data:text/i);
    expect(served.stale).to.equal(true);
    // Its base is no address, so its relative addresses stay relative (the page's own, never the script).
    expect(served.feed.films[0]!.poster).to.equal('media/poster.png');
    expect(served.feed.principles.map((p) => p.id)).to.deep.equal(['direction']);
    expect(served.feed.resources.map((r) => [r.id, r.url])).to.deep.equal([
      ['evil', undefined],
      ['data', undefined],
    ]);
  });

  it('writes the copy for repeat views once the page is idle, not before the widgets get the content', async () => {
    const url = await mock(uniqueName('saved-when-idle'), { body: goodFeed });
    const key = `${STORAGE_PREFIX}feed:${url}`;
    let writtenFirst: boolean | undefined;
    feedEntry(url).subscribe((state) => {
      if (state.status === 'ready') writtenFirst ??= localStorage.getItem(key) !== null;
    });
    expect(await settle(url)).to.include({ status: 'ready', stale: false });
    expect(writtenFirst, 'written before the content was handed over').to.equal(false);
    await until(() => localStorage.getItem(key), 'written once the page is idle');
  });

  it('writes a copy not yet written as the page goes (pagehide)', async () => {
    const url = await mock(uniqueName('saved-on-pagehide'), { body: goodFeed });
    const key = `${STORAGE_PREFIX}feed:${url}`;
    let writtenOnLeaving: boolean | undefined;
    feedEntry(url).subscribe((state) => {
      // As the content is handed over, before the page can have been idle.
      if (state.status !== 'ready' || writtenOnLeaving !== undefined) return;
      window.dispatchEvent(new PageTransitionEvent('pagehide'));
      writtenOnLeaving = localStorage.getItem(key) !== null;
    });
    await settle(url);
    expect(writtenOnLeaving).to.equal(true);
  });

  it('re-validates the saved copy: a tampered copy is not served', async () => {
    const url = await mock(uniqueName('tampered'), { body: goodFeed }, { status: 500 });
    await settle(url);
    const key = `${STORAGE_PREFIX}feed:${url}`;
    // The copy is written once the page is idle: tampered with after that.
    await until(() => localStorage.getItem(key), 'the copy written');
    localStorage.setItem(key, JSON.stringify({ url, savedAt: 1, data: { version: 9 } }));
    feedEntry(url).reload();
    expect(await settle(url)).to.include({ status: 'error', code: 'http', httpStatus: 500 });
  });

  it('works when storage is blocked, and never touches the page’s own keys', async () => {
    localStorage.setItem('host-page-key', 'kept');
    const setItem = Storage.prototype.setItem;
    const getItem = Storage.prototype.getItem;
    let writes = 0;
    Storage.prototype.setItem = () => {
      writes += 1;
      throw new DOMException('blocked', 'SecurityError');
    };
    Storage.prototype.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    try {
      const url = await mock(uniqueName('blocked'), { body: goodFeed }, { status: 500 });
      expect(await settle(url)).to.include({ status: 'ready', stale: false });
      await until(() => writes > 0, 'the copy written once the page is idle, and refused');
      feedEntry(url).reload();
      // The copy lives in memory for the page's life.
      expect(await settle(url)).to.include({ status: 'ready', stale: true });
    } finally {
      Storage.prototype.setItem = setItem;
      Storage.prototype.getItem = getItem;
    }
    expect(localStorage.getItem('host-page-key')).to.equal('kept');
    localStorage.removeItem('host-page-key');
  });

  it('fetches a URL once however many widgets ask', async () => {
    const name = uniqueName('shared');
    const url = await mock(name, { body: goodFeed, delayMs: 100 });
    const el = await fixture(
      html`<div>${[1, 2, 3, 4, 5].map(() => html`<test-feed-widget src=${url}></test-feed-widget>`)}</div>`,
    );
    const widgets = [...el.querySelectorAll('test-feed-widget')];
    await until(() => widgets.every((w) => w.shadowRoot?.querySelector('.count')), 'five widgets');
    expect(widgets.map((w) => w.shadowRoot!.querySelector('.count')!.textContent)).to.deep.equal(
      Array(5).fill('1 principles'),
    );
    expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
  });

  it('makes an entry from a feed in memory, validated, with addresses resolved against the given base', () => {
    const entry = feedEntryFromData(goodFeed, 'https://cdn.example/feeds/draft.json');
    expect(entry.state.status).to.equal('ready');
    if (entry.state.status === 'ready')
      expect(entry.state.feed.films[0]!.poster).to.equal('https://cdn.example/feeds/media/poster.png');
    expect(feedEntryFromData({ version: 3 }, 'https://cdn.example/x.json').state).to.include({
      status: 'error',
      code: 'version',
    });
  });
});

describe('resolveFeedUrls (addresses against the feed’s own address)', () => {
  const BASES = [
    'https://cdn.example.org/feeds/national/feed.json?v=2#top',
    'http://localhost:8000/feed.json',
    'https://example.org',
  ];
  const RELATIVE = [
    'r/1',
    'media/film-1.webm',
    'a.b/c_d-e.html',
    '../up/x',
    './here',
    '/root',
    '?q=1',
    '#part',
    'caf%C3%A9',
    'x..y',
  ];
  const ABSOLUTE = ['https://Example.org/A/../b', 'mailto:info@example.org', 'tel:+443003033444'];
  const feedWith = (urls: string[]) =>
    ({ resources: urls.map((url) => ({ url })), films: [], principles: [] }) as unknown as Feed;

  for (const base of BASES) {
    it(`resolves relative addresses as the URL parser does, against ${base}`, () => {
      const resolved = resolveFeedUrls(feedWith(RELATIVE), base).resources.map((resource) => resource.url);
      expect(resolved).to.deep.equal(RELATIVE.map((url) => new URL(url, base).href));
    });
  }

  it('keeps an address with a scheme as written (the widgets resolve what they link to)', () => {
    const resolved = resolveFeedUrls(feedWith(ABSOLUTE), BASES[0]!).resources.map((resource) => resource.url);
    expect(resolved).to.deep.equal(ABSOLUTE);
  });
});
