import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { ClPrincipleCards } from '../src/components/principle-cards/principle-cards.js';
import { PREFETCHED, prefetchFeeds, type Prefetched } from '../src/feed/prefetch.js';
import { feedStoreOptions } from '../src/feed/store.js';
import { STORAGE_PREFIX } from '../src/internal/storage.js';
import {
  mock,
  mount,
  requestCount,
  server,
  settled,
  uniqueName,
  unmountAll,
  until,
  untilRequested,
} from './harness.js';

/*
 * A widget's CDN entry (a loader, built from src/feed/prefetch.ts) asks for the feed of each of its widgets in the
 * page before the widget's code has come; the store reads that request instead of making its own. Each test uses a
 * tag of its own, defined (with the widget's class) only when the test says: until then the page is as the loader
 * finds it. <cl-feed> stays undefined here, as on a page that loads one widget's entry.
 */

const registry = () => (globalThis as unknown as Record<symbol, Map<string, Prefetched> | undefined>)[PREFETCHED];
const mockPath = (url: string) => new URL(url).pathname;

/** A feed whose first principle's title is `marker`, so a widget shows which answer it read. */
async function markedFeed(marker: string): Promise<unknown> {
  const feed = (await (await fetch('/feed/built-in.json')).json()) as { principles: { title: { en: string } }[] };
  feed.principles[0]!.title.en = marker;
  return feed;
}

/** The page as the loader finds it: `markup` mounted, `tag` not defined yet. */
async function pageWith(markup: string): Promise<HTMLElement> {
  return mount<HTMLElement>(`<div>${markup}</div>`);
}

/** A page with one widget, of a tag of its own, reading `url`, and the loader's request for that feed made. */
async function pageAskingFor(url: string): Promise<{ tag: string; page: HTMLElement }> {
  const tag = uniqueName('x-cards');
  const page = await pageWith(`<${tag} src="${url}"></${tag}>`);
  prefetchFeeds(tag, new URL('/no-built-in-feed-here.json', server));
  return { tag, page };
}

/** Defines `tag` as the principle cards (the widget's code arriving). */
function defineCards(tag: string): void {
  customElements.define(tag, class extends ClPrincipleCards {});
}

afterEach(() => {
  for (const { controller } of registry()?.values() ?? []) controller.abort();
  registry()?.clear();
  unmountAll();
});

describe('a feed asked for by the entry, before the widget’s code', () => {
  it('is the request the widget reads: one request, its answer shown', async () => {
    const name = uniqueName('prefetched-feed');
    const url = await mock(name, { body: await markedFeed('PREFETCHED ANSWER') });
    const { tag, page } = await pageAskingFor(url);
    // On its way before the widget's code is.
    await untilRequested(`/__test__/mock/${name}`, 0, 'the entry’s request');
    defineCards(tag);
    const widget = await settled(page.querySelector<ClPrincipleCards>(tag)!);
    expect(widget.shadowRoot!.textContent).to.contain('PREFETCHED ANSWER');
    expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
    expect(registry()?.has(url), 'taken once').to.equal(false);
  });

  it('in before the widget’s code: shown by its first render, with no loading state before it', async () => {
    const name = uniqueName('prefetched-first');
    const url = await mock(name, { body: await markedFeed('IN BEFORE THE CODE') });
    const { tag, page } = await pageAskingFor(url);
    // The answer and its body are in (the entry reads the body as it arrives) before the widget's code.
    expect((await registry()!.get(url)!.answer).text?.includes('IN BEFORE THE CODE'), 'read').to.equal(true);
    defineCards(tag);
    const widget = page.querySelector<ClPrincipleCards>(tag)!;
    let loads = 0;
    widget.addEventListener('cl-feed-load', () => loads++);
    // The first update.
    await widget.updateComplete;
    expect(widget.hasUpdated, 'rendered').to.equal(true);
    expect(widget.shadowRoot!.querySelector('[aria-busy="true"]') === null, 'no loading state').to.equal(true);
    expect(widget.shadowRoot!.querySelector('[part~="card"]')?.textContent).to.contain('IN BEFORE THE CODE');
    expect(loads, 'loaded once').to.equal(1);
    expect(await requestCount(mockPath(url))).to.equal(1);
  });

  it('in before the widget’s code and declared over 2 MB: left unread, and the widget says it is too large', async () => {
    const name = uniqueName('prefetched-big');
    const body = JSON.stringify({ version: 1, notes: ['x'.repeat(2_100_000)] });
    const url = await mock(name, { body, headers: { 'Content-Length': String(body.length) } });
    const { tag, page } = await pageAskingFor(url);
    expect((await registry()!.get(url)!.answer).text === undefined, 'not read').to.equal(true);
    defineCards(tag);
    const widget = page.querySelector<ClPrincipleCards>(tag)!;
    await widget.updateComplete;
    expect(widget.shadowRoot!.querySelector('[part="error"]')?.textContent).to.contain('over 2 MB');
  });

  it('that fails is the widget’s error, and its retry asks again', async () => {
    const name = uniqueName('prefetched-failure');
    const url = await mock(name, { status: 503, body: {} }, { body: await markedFeed('SECOND ANSWER') });
    const { tag, page } = await pageAskingFor(url);
    defineCards(tag);
    const widget = page.querySelector<ClPrincipleCards>(tag)!;
    await widget.updateComplete;
    const error = await until(() => widget.shadowRoot!.querySelector('[part="error"]'), 'the error panel');
    expect(error.textContent).to.contain('503');
    error.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => widget.shadowRoot!.textContent?.includes('SECOND ANSWER'), 'the retry’s answer');
    expect(await requestCount(mockPath(url))).to.equal(2);
  });

  it('that does not answer in time is aborted, and the widget says so', async () => {
    const gate = uniqueName('never-answered-gate');
    const url = await mock(uniqueName('prefetched-held'), { body: {}, holdUntil: gate });
    const { tag, page } = await pageAskingFor(url);
    const prefetched = registry()!.get(url)!;
    feedStoreOptions.timeoutMs = 300;
    try {
      defineCards(tag);
      const widget = page.querySelector<ClPrincipleCards>(tag)!;
      await widget.updateComplete;
      const error = await until(() => widget.shadowRoot!.querySelector('[part="error"]'), 'the timeout');
      expect(error.textContent).to.contain('took too long');
      expect(prefetched.controller.signal.aborted, 'the request itself stopped').to.equal(true);
    } finally {
      feedStoreOptions.timeoutMs = 10_000;
      await mock(gate, {});
    }
  });
});

describe('what the entry asks for', () => {
  const builtIn = new URL('/__test__/mock/built-in-never-served.json', server);
  const asked = () => [...(registry()?.keys() ?? [])];
  const feedA = `${server}/__test__/mock/feed-a`;

  it('the widget’s `src`, read against the page', async () => {
    const tag = uniqueName('x-cards');
    await pageWith(`<${tag} src="${feedA}"></${tag}>`);
    prefetchFeeds(tag, builtIn);
    expect(asked()).to.deep.equal([feedA]);
  });

  it('the built-in feed for a widget with no `src` or an empty one, once', async () => {
    const tag = uniqueName('x-cards');
    await pageWith(`<${tag}></${tag}><${tag} src=""></${tag}>`);
    prefetchFeeds(tag, builtIn);
    expect(asked()).to.deep.equal([builtIn.href]);
  });

  it('the nearest <cl-feed>’s `src`, or the built-in feed for a bare one', async () => {
    const tag = uniqueName('x-cards');
    await pageWith(
      `<cl-feed src="${feedA}"><div><${tag}></${tag}></div></cl-feed><cl-feed><${tag}></${tag}></cl-feed>`,
    );
    prefetchFeeds(tag, builtIn);
    expect(asked()).to.deep.equal([feedA, builtIn.href]);
  });

  it('the widget’s own `src` before its <cl-feed>’s', async () => {
    const tag = uniqueName('x-cards');
    await pageWith(`<cl-feed src="${builtIn.href}"><${tag} src="${feedA}"></${tag}></cl-feed>`);
    prefetchFeeds(tag, builtIn);
    expect(asked()).to.deep.equal([feedA]);
  });

  it('nothing the HTML does not settle, nor what the store will not ask for', async () => {
    const tag = uniqueName('x-cards');
    const page = await pageWith(
      [
        // Prerendered: its HTML carries its feed.
        `<${tag} id="prerendered" src="${feedA}-prerendered"></${tag}>`,
        // `src` set as a property before the upgrade: the property wins, unknown here.
        `<${tag} id="property" src="${feedA}-attribute"></${tag}>`,
        `<cl-feed id="provider" src="${feedA}-provider-attribute"><${tag}></${tag}></cl-feed>`,
        // Only http(s) is fetched.
        `<${tag} src="javascript:alert(1)"></${tag}>`,
        `<${tag} src="data:application/json,{}"></${tag}>`,
        // An address that cannot be read.
        `<${tag} src="http://[broken"></${tag}>`,
        // A saved copy: shown at once, and checked with the server once the page is idle.
        `<${tag} src="${feedA}-saved"></${tag}>`,
      ].join(''),
    );
    page.querySelector(`#prerendered`)!.attachShadow({ mode: 'open' });
    Object.assign(page.querySelector(`#property`)!, { src: `${feedA}-property` });
    Object.assign(page.querySelector(`#provider`)!, { src: `${feedA}-provider-property` });
    localStorage.setItem(`${STORAGE_PREFIX}feed:${feedA}-saved`, '{}');
    try {
      prefetchFeeds(tag, builtIn);
    } finally {
      localStorage.removeItem(`${STORAGE_PREFIX}feed:${feedA}-saved`);
    }
    expect(asked()).to.deep.equal([]);
  });

  it('nothing for a feed a widget has asked for already (a second entry, loaded later)', async () => {
    const url = await mock(uniqueName('asked-already'), { body: await markedFeed('ASKED') });
    const first = uniqueName('x-cards');
    defineCards(first);
    await settled(await mount<ClPrincipleCards>(`<${first} src="${url}"></${first}>`));
    const second = uniqueName('x-cards');
    await pageWith(`<${second} src="${url}"></${second}>`);
    prefetchFeeds(second, builtIn);
    expect(asked()).to.deep.equal([]);
  });

  it('nothing once the widget is defined: its widgets have asked', async () => {
    const tag = uniqueName('x-cards');
    defineCards(tag);
    await pageWith(`<${tag} src="${feedA}"></${tag}>`);
    prefetchFeeds(tag, builtIn);
    expect(asked()).to.deep.equal([]);
  });
});
