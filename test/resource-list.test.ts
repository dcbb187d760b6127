import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/resource-list/define.js';
import type {
  ClResourceList,
  ResourceFilterDetail,
  ResourceOpenDetail,
} from '../src/components/resource-list/resource-list.js';
import { TYPING_PAUSE_MS } from '../src/components/resource-list/resource-list.lazy.js';
import { validateFeed } from '../src/feed/validate.js';
import {
  expectAccessible,
  expectNoOverflow,
  mock,
  requestCount,
  server,
  settled,
  uniqueName,
  until,
  untilRequested,
} from './harness.js';
import { builtEntryWithoutChunk } from './built-entry.js';
import { feed, generatedFeed, serve } from './resource-list-fixtures.js';

const root = (el: ClResourceList) => el.shadowRoot!;
const ids = (el: ClResourceList) =>
  [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')].map((li) => li.dataset.id);
const item = (el: ClResourceList, id: string) => root(el).querySelector<HTMLElement>(`[data-id="${id}"]`)!;
const countText = (el: ClResourceList) => root(el).querySelector('[part="count"]')!.textContent!.trim();
const search = (el: ClResourceList) => root(el).querySelector<HTMLInputElement>('#query')!;

async function list(attributes: string, src?: string): Promise<ClResourceList> {
  const url = src ?? (await serve());
  const wrapper = await fixture<HTMLDivElement>(
    `<div><cl-resource-list src="${url}" ${attributes}></cl-resource-list></div>`,
  );
  return settled(wrapper.querySelector('cl-resource-list')!);
}

async function typeInto(el: ClResourceList, text: string): Promise<void> {
  search(el).focus();
  await sendKeys({ type: text });
  await el.updateComplete;
}

/** Picks the option starting with `label` of a native select with the keyboard: Home, then arrow down to it. */
async function choose(el: ClResourceList, selectId: string, label: string): Promise<void> {
  const select = root(el).querySelector<HTMLSelectElement>(`#${selectId}`)!;
  select.focus();
  await sendKeys({ press: 'Home' });
  for (let i = 0; i < select.options.length && !select.selectedOptions[0]!.text.startsWith(label); i += 1) {
    await sendKeys({ press: 'ArrowDown' });
  }
  expect(select.selectedOptions[0]!.text).to.match(new RegExp(`^${label}`));
  await el.updateComplete;
}

/**
 * Holds this page's setTimeout callbacks until `tick` moves time on, so the
 * typing pause is driven by the test, not a wall-clock window. (Mocha keeps
 * its own timers; a timer set before holding still runs on the real clock.)
 */
function holdTimers(): { tick(ms: number): void; release(): void } {
  const { setTimeout: realSet, clearTimeout: realClear } = window;
  const held = new Map<number, { at: number; run: () => void }>();
  let now = 0;
  let lastId = 1e9;
  window.setTimeout = ((run: () => void, ms = 0) => {
    held.set(++lastId, { at: now + ms, run });
    return lastId;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id !== undefined && !held.delete(id)) realClear(id);
  }) as typeof window.clearTimeout;
  return {
    tick(ms) {
      now += ms;
      const due = [...held].filter(([, timer]) => timer.at <= now).sort(([, a], [, b]) => a.at - b.at);
      for (const [id, timer] of due) {
        held.delete(id);
        timer.run();
      }
    },
    release() {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
    },
  };
}

/** Types `text` into the search box and lets the typing pause pass, on a held clock. */
async function typeAndPause(el: ClResourceList, text: string): Promise<void> {
  const clock = holdTimers();
  try {
    await typeInto(el, text);
    clock.tick(TYPING_PAUSE_MS);
  } finally {
    clock.release();
  }
  await el.updateComplete;
}

describe('<cl-resource-list>', () => {
  describe('each resource', () => {
    it('shows a safe link, type, publisher, date, summary, topics and language', async () => {
      const el = await list('');
      const myths = item(el, 'five-myths');
      const link = myths.querySelector('a')!;
      expect(link.href).to.equal('https://www.kingsfund.org.uk/blog/2019/05/five-myths-compassionate-leadership');
      expect(link.rel).to.equal('noopener');
      expect(link.textContent).to.contain('Five myths of compassionate leadership');
      expect(link.querySelector('.cl-visually-hidden')!.textContent).to.contain('another website');
      expect(myths.querySelector('[part="meta"]')!.textContent).to.match(
        /Blog post[\s\S]*The King's Fund[\s\S]*May 2019[\s\S]*In English/,
      );
      expect(myths.querySelector('time')!.getAttribute('datetime')).to.equal('2019-05');
      expect(myths.querySelector('[part="summary"]')!.textContent).to.equal('Common misunderstandings, answered.');
      expect([...myths.querySelectorAll('[part="topic"]')].map((t) => t.textContent)).to.deep.equal(['Wellbeing']);
      expect(myths.querySelector('[part="title"]')!.hasAttribute('lang')).to.equal(false);
      // Lists drawn without bullets say they are lists (Safari stops announcing them otherwise).
      expect(root(el).querySelector('[part="list"]')!.getAttribute('role')).to.equal('list');
      expect(myths.querySelector('[part="topics"]')!.getAttribute('role')).to.equal('list');
    });

    it('resolves relative addresses against the feed and formats dates at the precision given', async () => {
      const src = await serve();
      const el = await list('', src);
      expect(item(el, 'check-ins').querySelector('a')!.href).to.equal(new URL('guides/check-ins.html', src).href);
      expect(item(el, 'check-ins').querySelector('time')).to.equal(null);
      expect(item(el, 'gwella').querySelector('time')!.textContent).to.equal('2021');
      expect(item(el, 'gwyl').querySelector('time')!.textContent).to.equal('14 March 2022');
    });

    it('on a Welsh page: Welsh addresses, Welsh dates, "Yn Saesneg" and lang="en" on English titles', async () => {
      const el = await list('lang="cy"');
      const myths = item(el, 'five-myths');
      expect(myths.querySelector('[part="title"]')!.getAttribute('lang')).to.equal('en');
      expect(myths.querySelector('a')!.getAttribute('hreflang')).to.equal('en');
      expect(myths.querySelector('[part="meta"]')!.textContent).to.contain('Yn Saesneg');
      expect(myths.querySelector('[part="summary"]')!.getAttribute('lang')).to.equal('en');
      expect(myths.querySelector('time')!.textContent).to.equal('Mai 2019');
      const gwella = item(el, 'gwella');
      expect(gwella.querySelector('a')!.href).to.equal('https://nhswalesleadershipportal.heiw.wales/cy');
      expect(gwella.querySelector('[part="title"]')!.textContent!.trim()).to.contain('Porth arweinyddiaeth Gwella');
      expect(gwella.querySelector('[part="meta"]')!.textContent).to.contain('Addysg a Gwella Iechyd Cymru');
      expect(gwella.querySelector('[part="meta"]')!.textContent).to.contain('Yn Saesneg a Chymraeg');
      // A topic with no Welsh label falls back to English, marked.
      expect(gwella.querySelector('[part="topic"]')!.getAttribute('lang')).to.equal('en');
      expect(item(el, 'gwyl').querySelector('time')!.textContent).to.equal('14 Mawrth 2022');
    });

    it('on an English page marks Welsh-only text lang="cy" and says "In Welsh"', async () => {
      const el = await list('');
      const gwyl = item(el, 'gwyl');
      expect(gwyl.querySelector('[part="title"]')!.getAttribute('lang')).to.equal('cy');
      expect(gwyl.querySelector('a')!.getAttribute('hreflang')).to.equal('cy');
      expect(gwyl.querySelector('[part="summary"]')!.getAttribute('lang')).to.equal('cy');
      expect(gwyl.querySelector('[part="meta"]')!.textContent).to.contain('In Welsh');
      expect([...gwyl.querySelectorAll('[part="topic"]')].map((t) => t.textContent)).to.deep.equal([
        'Wellbeing',
        'Teams',
      ]);
    });

    it('shows an item with an unsafe address without a link and warns once', async () => {
      const el = await list('');
      const warnings: string[] = [];
      const warn = console.warn;
      console.warn = (message: string) => warnings.push(message);
      try {
        // The feed validator already drops unsafe addresses; this reaches the widget's own last line of defence.
        const state = (el as unknown as { feed: { state: { feed: { resources: unknown[] } } } }).feed.state;
        const bad = { ...feed.resources[0], id: 'bad', url: 'javascript:alert(1)', published: '2030' };
        (el as unknown as { feed: { state: unknown } }).feed.state = {
          ...state,
          feed: { ...state.feed, resources: [bad, ...state.feed.resources] },
        };
        el.requestUpdate();
        await el.updateComplete;
        el.requestUpdate();
        await el.updateComplete;
      } finally {
        console.warn = warn;
      }
      expect(item(el, 'bad').querySelector('a')).to.equal(null);
      expect(item(el, 'bad').querySelector('[part="title"]')!.textContent).to.contain('Five myths');
      expect(warnings.filter((w) => w.includes('"bad"'))).to.have.length(1);
    });

    it('fires cl-resource-open with the id and address when a link is followed', async () => {
      const el = await list('');
      const opened: ResourceOpenDetail[] = [];
      const stop = (e: Event) => e.preventDefault();
      document.addEventListener('click', stop);
      el.addEventListener('cl-resource-open', (e) => opened.push(e.detail));
      try {
        item(el, 'caring-to-change').querySelector('a')!.focus();
        await sendKeys({ press: 'Enter' });
      } finally {
        document.removeEventListener('click', stop);
      }
      expect(opened).to.deep.equal([
        { id: 'caring-to-change', url: 'https://www.kingsfund.org.uk/publications/caring-change' },
      ]);
    });
  });

  describe('finding', () => {
    it('searches case- and diacritic-insensitively in both languages, every word matching', async () => {
      const el = await list('');
      expect(ids(el)).to.have.length(5);
      await typeInto(el, 'lles');
      expect(ids(el)).to.deep.equal(['gwyl', 'five-myths']);
      search(el).select();
      await typeInto(el, 'LLES gwyl');
      expect(ids(el)).to.deep.equal(['gwyl']);
      search(el).select();
      await typeInto(el, 'gŵyl');
      expect(ids(el)).to.deep.equal(['gwyl']);
      search(el).select();
      await typeInto(el, 'addysg gwella');
      expect(ids(el)).to.deep.equal(['gwella']);
      search(el).select();
      await typeInto(el, 'kings fund');
      expect(ids(el)).to.deep.equal([]);
      search(el).select();
      await typeInto(el, "king's caring");
      expect(ids(el)).to.deep.equal(['caring-to-change']);
    });

    it('filters by type, topic and language with native selects, and sorts', async () => {
      const el = await list('');
      await choose(el, 'type', 'Rep');
      expect(root(el).querySelector<HTMLSelectElement>('#type')!.value).to.equal('report');
      expect(ids(el)).to.deep.equal(['caring-to-change']);
      await choose(el, 'type', 'All');
      await choose(el, 'topic', 'Te');
      expect(ids(el)).to.deep.equal(['gwyl', 'gwella']);
      await choose(el, 'resourceLang', 'Welsh');
      expect(ids(el)).to.deep.equal(['gwyl', 'gwella']);
      await choose(el, 'topic', 'All');
      await choose(el, 'resourceLang', 'Eng');
      expect(ids(el)).to.deep.equal(['gwella', 'five-myths', 'caring-to-change', 'check-ins']);
      await choose(el, 'resourceLang', 'Any');
      await choose(el, 'sort', 'Old');
      expect(ids(el)).to.deep.equal(['caring-to-change', 'five-myths', 'gwella', 'gwyl', 'check-ins']);
      await choose(el, 'sort', 'Tit');
      expect(ids(el)).to.deep.equal(['check-ins', 'caring-to-change', 'five-myths', 'gwella', 'gwyl']);
      for (const legend of root(el).querySelectorAll('fieldset'))
        expect(legend.querySelector('legend')!.textContent).to.equal('Filter and sort');
    });

    it('"Clear filters" resets the search and filters and returns focus to the search box', async () => {
      const el = await list('type="report"');
      await typeInto(el, 'myths');
      expect(ids(el)).to.deep.equal([]);
      const empty = root(el).querySelector('[part~="empty"]')!;
      expect(empty.textContent).to.contain('No resources match');
      empty.querySelector<HTMLButtonElement>('[part="clear"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => ids(el).length === 5, 'all resources');
      expect(search(el).value).to.equal('');
      expect(el.shadowRoot!.activeElement).to.equal(search(el));
      expect(root(el).querySelector('[part="clear"]')).to.equal(null);
    });

    it('announces the count in a polite live region once typing pauses, and fires cl-resource-filter once', async () => {
      const el = await list('');
      const status = root(el).querySelector('[part="count"]')!;
      expect(status.getAttribute('role')).to.equal('status');
      expect(status.getAttribute('aria-live')).to.equal('polite');
      expect(countText(el)).to.equal('5 resources');
      const events: ResourceFilterDetail[] = [];
      el.addEventListener('cl-resource-filter', (e) => events.push(e.detail));
      const clock = holdTimers();
      try {
        await typeInto(el, 'caring');
        // The results follow each keystroke; the announcement waits for the pause.
        expect(ids(el)).to.deep.equal(['caring-to-change']);
        expect(countText(el)).to.equal('5 resources');
        clock.tick(TYPING_PAUSE_MS - 1);
        await el.updateComplete;
        expect(countText(el)).to.equal('5 resources');
        expect(events).to.deep.equal([]);
        clock.tick(1);
        await el.updateComplete;
      } finally {
        clock.release();
      }
      expect(countText(el)).to.equal('1 resource');
      expect(events).to.deep.equal([{ query: 'caring', type: '', topic: '', resourceLang: '', from: '', count: 1 }]);
      await choose(el, 'type', 'Blog');
      expect(countText(el)).to.equal('0 resources');
      expect(events.at(-1)).to.deep.equal({
        query: 'caring',
        type: 'blog',
        topic: '',
        resourceLang: '',
        from: '',
        count: 0,
      });
      expect(events).to.have.length(2);
    });

    it('counts with Welsh plurals', async () => {
      const src = await serve(generatedFeed(12));
      const expected: [number, string][] = [
        [1, '1 adnodd'],
        [2, '2 adnodd'],
        [3, '3 adnodd'],
        [6, '6 adnodd'],
        [7, '7 o adnoddau'],
        [12, '12 o adnoddau'],
      ];
      for (const [limit, text] of expected) {
        const el = await list(`lang="cy" limit="${limit}"`, src);
        expect(countText(el)).to.equal(text);
      }
      const el = await list('lang="cy"', src);
      await typeAndPause(el, 'dim-byd');
      expect(countText(el)).to.equal('Dim adnoddau');
      expect(root(el).querySelector('[part~="empty"]')!.textContent).to.contain('Nid oes adnoddau’n cyfateb');
    });
  });

  describe('paging', () => {
    it('pages with accessible pagination and moves focus to the first item of the new page', async () => {
      const el = await list('page-size="5"', await serve(generatedFeed(23)));
      expect(ids(el)).to.deep.equal(['r-23', 'r-22', 'r-21', 'r-20', 'r-19']);
      const nav = root(el).querySelector('nav[part="pagination"]')!;
      expect(nav.getAttribute('aria-label')).to.equal('Pages of resources');
      expect(nav.querySelector('ul')!.getAttribute('role')).to.equal('list');
      const current = () => root(el).querySelector('[aria-current="page"]')!.textContent!.replace(/\s+/g, ' ').trim();
      expect(current()).to.equal('Page 1');
      const next = [...nav.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Next')!;
      next.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => ids(el)[0] === 'r-18', 'page 2');
      expect(current()).to.equal('Page 2');
      expect(root(el).activeElement).to.equal(item(el, 'r-18'));
      const last = [...root(el).querySelectorAll<HTMLButtonElement>('[part="page-button"]')].find((b) =>
        b.textContent!.includes('5'),
      )!;
      last.click();
      await until(() => ids(el).join() === 'r-3,r-2,r-1', 'the last page');
      expect(root(el).textContent).to.contain('Page 5 of 5');
      // A new search starts at page 1.
      await typeInto(el, 'resource');
      expect(ids(el)[0]).to.equal('r-23');
    });

    it('"Show more" adds the next page and moves focus to the first new item', async () => {
      const el = await list('paging="more" page-size="4"', await serve(generatedFeed(6)));
      expect(ids(el)).to.have.length(4);
      root(el).querySelector<HTMLButtonElement>('[part="show-more"]')!.focus();
      await sendKeys({ press: 'Enter' });
      await until(() => ids(el).length === 6, 'six items');
      expect(root(el).activeElement).to.equal(item(el, 'r-2'));
      expect(root(el).querySelector('[part="show-more"]')).to.equal(null);
    });
  });

  describe('attributes', () => {
    it('topic, type, resource-lang and sort set the starting view', async () => {
      expect(ids(await list('topic="wellbeing"'))).to.deep.equal(['gwyl', 'five-myths']);
      expect(ids(await list('type="guide"'))).to.deep.equal(['check-ins']);
      expect(ids(await list('resource-lang="cy"'))).to.deep.equal(['gwyl', 'gwella']);
      expect(ids(await list('sort="oldest"'))[0]).to.equal('caring-to-change');
      const welsh = await list('sort="title" lang="cy"');
      expect(ids(welsh)).to.deep.equal(['check-ins', 'caring-to-change', 'five-myths', 'gwyl', 'gwella']);
      expect(root(welsh).querySelector<HTMLSelectElement>('#sort')!.value).to.equal('title');
    });

    it('limit keeps the latest N; controls="none" is a fixed list with no controls', async () => {
      const limited = await list('limit="2" sort="title"');
      expect(ids(limited)).to.deep.equal(['gwella', 'gwyl']);
      const panel = await list('controls="none" limit="3" topic="wellbeing"');
      expect(ids(panel)).to.deep.equal(['gwyl', 'five-myths']);
      expect(root(panel).querySelector('form, [part="count"], nav, [part="show-more"]')).to.equal(null);
      const paged = await list('controls="none" page-size="2"');
      expect(ids(paged)).to.deep.equal(['gwyl', 'gwella']);
    });

    it("reflects its properties to attributes, and keeps the reader's choices apart from them", async () => {
      const el = await list('topic="wellbeing"');
      el.type = 'blog';
      el.pageSize = 4;
      el.syncUrl = true;
      el.syncUrl = false;
      el.paging = 'more';
      await el.updateComplete;
      expect(el.getAttribute('type')).to.equal('blog');
      expect(el.getAttribute('page-size')).to.equal('4');
      expect(el.hasAttribute('sync-url')).to.equal(false);
      expect(el.getAttribute('paging')).to.equal('more');
      expect(ids(el)).to.deep.equal(['five-myths']);
      el.removeAttribute('type');
      await el.updateComplete;
      // Without its attribute a property is its default again.
      expect(el.type).to.equal('');

      // The reader picks another topic: the list follows, the author's attribute and property stay.
      await choose(el, 'topic', 'Te');
      expect(ids(el)).to.deep.equal(['gwyl', 'gwella']);
      expect(el.getAttribute('topic')).to.equal('wellbeing');
      expect(el.topic).to.equal('wellbeing');
      // The author changes the attribute: that choice starts again from it.
      el.setAttribute('topic', 'crisis');
      await el.updateComplete;
      expect(ids(el)).to.deep.equal(['caring-to-change']);
      expect(root(el).querySelector<HTMLSelectElement>('#topic')!.value).to.equal('crisis');
      el.removeAttribute('topic');
      await el.updateComplete;
      expect(el.topic).to.equal('');
      expect(ids(el)).to.have.length(4);
    });

    it('sync-url is off by default and round-trips the filters through the query string', async () => {
      const before = location.href;
      try {
        const plain = await list('');
        await typeInto(plain, 'caring');
        expect(location.href).to.equal(before);

        const src = await serve();
        const el = await list('sync-url page-size="1"', src);
        await typeInto(el, 'lles');
        await choose(el, 'sort', 'Old');
        let params = new URL(location.href).searchParams;
        expect(params.get('cl-q')).to.equal('lles');
        expect(params.get('cl-sort')).to.equal('oldest');
        // The host's own parameters survive.
        expect(
          new URL(before).searchParams
            .toString()
            .split('&')
            .every((p) => !p || location.search.includes(p)),
        ).to.equal(true);
        root(el).querySelector<HTMLButtonElement>('[part="page-button"]:not([aria-current])')!.click();
        await until(() => new URL(location.href).searchParams.get('cl-page') === '2', 'page 2 in the address');

        // "Reload": a new element reads the same state.
        const again = await list('sync-url page-size="1"', src);
        expect(search(again).value).to.equal('lles');
        expect(root(again).querySelector<HTMLSelectElement>('#sort')!.value).to.equal('oldest');
        expect(ids(again)).to.deep.equal(['gwyl']);
        root(again).querySelector<HTMLButtonElement>('[part="clear"]')!.click();
        await again.updateComplete;
        params = new URL(location.href).searchParams;
        expect(params.has('cl-q')).to.equal(false);
        expect(params.has('cl-page')).to.equal(false);
        expect(params.get('cl-sort')).to.equal('oldest');
      } finally {
        history.replaceState(history.state, '', before);
      }
    });
    it('sync-url: back and forward move the list through the views the reader chose', async () => {
      const before = location.href;
      const events: ResourceFilterDetail[] = [];
      const current = (el: ClResourceList) =>
        root(el).querySelector('[aria-current="page"]')!.textContent!.replace(/\s+/g, ' ').trim();
      try {
        const el = await list('sync-url page-size="2"');
        el.addEventListener('cl-resource-filter', (e) => events.push(e.detail));
        expect(ids(el)).to.deep.equal(['gwyl', 'gwella']);
        const next = [...root(el).querySelectorAll<HTMLButtonElement>('[part="page-button"]')].at(-1)!;
        next.focus();
        await sendKeys({ press: 'Enter' });
        await until(() => new URL(location.href).searchParams.get('cl-page') === '2', 'page 2 in the address');
        await choose(el, 'topic', 'Well');
        expect(ids(el)).to.deep.equal(['gwyl', 'five-myths']);
        expect(new URL(location.href).searchParams.get('cl-topic')).to.equal('wellbeing');
        expect(new URL(location.href).searchParams.has('cl-page')).to.equal(false);
        events.length = 0;

        history.back();
        await until(() => ids(el).join() === 'five-myths,caring-to-change', 'page 2, every topic, again');
        expect(root(el).querySelector<HTMLSelectElement>('#topic')!.value).to.equal('');
        expect(current(el)).to.equal('Page 2');
        expect(events).to.deep.equal([{ query: '', type: '', topic: '', resourceLang: '', from: '', count: 5 }]);
        history.back();
        await until(() => ids(el).join() === 'gwyl,gwella', 'page 1 again');
        expect(current(el)).to.equal('Page 1');
        history.forward();
        await until(() => ids(el).join() === 'five-myths,caring-to-change', 'page 2 on forward');
        history.forward();
        await until(() => ids(el).join() === 'gwyl,five-myths', 'the topic on forward');
        expect(root(el).querySelector<HTMLSelectElement>('#topic')!.value).to.equal('wellbeing');
        // The reader's state lives in the address, never in the author's attributes.
        expect(el.hasAttribute('topic')).to.equal(false);
        await expectAccessible(el);
      } finally {
        history.replaceState(history.state, '', before);
      }
    });

    it('without sync-url, back and forward leave the list alone', async () => {
      const before = location.href;
      try {
        const el = await list('page-size="2"');
        const next = [...root(el).querySelectorAll<HTMLButtonElement>('[part="page-button"]')].at(-1)!;
        next.click();
        await until(() => ids(el)[0] === 'five-myths', 'page 2');
        expect(location.href).to.equal(before);
        // The host page's own history entry; going back to an address with no cl-* parameters.
        const pushed = new URL(location.href);
        pushed.searchParams.set('host-step', '2');
        history.pushState(history.state, '', pushed);
        const popped = new Promise((resolve) => window.addEventListener('popstate', resolve, { once: true }));
        history.back();
        await popped;
        await el.updateComplete;
        expect(ids(el)).to.deep.equal(['five-myths', 'caring-to-change']);
      } finally {
        history.replaceState(history.state, '', before);
      }
    });
  });

  describe('states', () => {
    it('loading: one aria-busy status with a skeleton hidden from assistive technology', async () => {
      const src = await mock(uniqueName('resource-list-slow'), { body: feed, delayMs: 1500 });
      const el = await fixture<ClResourceList>(html`<cl-resource-list src=${src}></cl-resource-list>`);
      const busy = await until(() => root(el).querySelector('[aria-busy="true"]'), 'the loading status');
      expect(busy.getAttribute('role')).to.equal('status');
      expect(busy.querySelector('.cl-skeleton')!.closest('[aria-hidden="true"]')).to.not.equal(null);
      await expectAccessible(el);
      await settled(el);
    });

    it('error: a panel with retry and the light-DOM fallback', async () => {
      const src = await mock(uniqueName('resource-list-down'), { status: 500, body: { error: 'down' } });
      const el = await fixture<ClResourceList>(
        html`<cl-resource-list src=${src}><a href="https://example.org/resources">Our resources</a></cl-resource-list>`,
      );
      await settled(el);
      expect(root(el).querySelector('[part="error"]')).to.not.equal(null);
      expect(root(el).querySelector('slot')).to.not.equal(null);
      await expectAccessible(el);
    });

    it('stale: the last good copy under a notice', async () => {
      // The first answer is good and saved; the retry fails, so the saved copy is shown.
      const el = await list('', await serve(feed, { status: 503 }));
      (el as unknown as { feed: { retry(): void } }).feed.retry();
      await until(() => root(el).querySelector('[part="stale"]'), 'the stale notice');
      expect(ids(el)).to.have.length(5);
      await expectAccessible(el);
    });
  });

  it("loads the code for a reader's actions when focus enters the search box, before a key is pressed", async () => {
    const { entry, missing } = await builtEntryWithoutChunk('resource-list.js', 'resource-list.lazy');
    const chunk = await fetch(`${server}/dist/cdn/chunks/${missing.split('/').pop()!}`);
    await mock(missing.slice(`${server}/__test__/mock/`.length), {
      body: await chunk.text(),
      headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
    });
    const built = (await import(entry)) as { ClResourceList: typeof ClResourceList };
    const tag = uniqueName('cl-resource-list-built');
    customElements.define(tag, class extends built.ClResourceList {});
    const el = await settled(
      (await fixture<HTMLDivElement>(`<div><${tag} src="${await serve()}"></${tag}></div>`))
        .firstElementChild as ClResourceList,
    );
    const path = new URL(missing).pathname;
    // builtEntryWithoutChunk asked for it once, to see it missing.
    expect(await requestCount(path), 'not before focus').to.equal(1);
    const before = document.createElement('button');
    before.textContent = 'before';
    el.before(before);
    before.focus();
    await sendKeys({ press: 'Tab' });
    expect(root(el).activeElement === search(el), 'focus in the search box').to.equal(true);
    await untilRequested(path, 1, 'the request for the code, with no key pressed');
    before.remove();
  });

  describe("when the code for a reader's actions cannot be loaded", () => {
    let tag = '';
    let missing = '';
    before(async () => {
      const chunkless = await builtEntryWithoutChunk('resource-list.js', 'resource-list.lazy');
      missing = chunkless.missing;
      const built = (await import(chunkless.entry)) as { ClResourceList: typeof ClResourceList };
      // Under its own name: <cl-resource-list> is already this page's source build.
      tag = uniqueName('cl-resource-list-built');
      customElements.define(tag, class extends built.ClResourceList {});
    });

    for (const lang of ['en', 'cy']) {
      it(`tells the reader, keeps what they typed and keeps the list (${lang})`, async () => {
        const wrapper = await fixture<HTMLDivElement>(
          `<div><${tag} src="${await serve()}" lang="${lang}"></${tag}></div>`,
        );
        const el = await settled(wrapper.firstElementChild as ClResourceList);
        await typeInto(el, 'caring');
        const notice = await until(() => root(el).querySelector('[part="unavailable"]'), 'the notice');
        expect(notice.getAttribute('role')).to.equal('alert');
        expect(notice.textContent).to.contain(
          lang === 'cy'
            ? 'Nid yw’r chwilio ar gael. Ail-lwythwch y dudalen.'
            : 'Search is unavailable. Reload the page.',
        );
        expect(search(el).value).to.equal('caring');
        await typeInto(el, ' change');
        expect(search(el).value).to.equal('caring change');
        expect(ids(el)).to.have.length(5);
        expect(root(el).querySelector('[part="unavailable"]')).to.equal(notice);
        await expectAccessible(el);
      });
    }
    // Last in this group: the code is served from here on.
    it('finds what the reader typed once the code can be fetched again (Firefox keeps a failed module)', async () => {
      const wrapper = await fixture<HTMLDivElement>(`<div><${tag} src="${await serve()}"></${tag}></div>`);
      const el = await settled(wrapper.firstElementChild as ClResourceList);
      await typeInto(el, 'caring');
      await until(() => root(el).querySelector('[part="unavailable"]'), 'the notice');
      const chunk = await fetch(`${server}/dist/cdn/chunks/${missing.split('/').pop()!}`);
      expect(chunk.ok, 'the built chunk').to.equal(true);
      await mock(missing.slice(`${server}/__test__/mock/`.length), {
        body: await chunk.text(),
        headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
      });
      await typeInto(el, ' change');
      await until(() => ids(el).length === 1, 'the one match for the words typed before and after');
      expect(search(el).value).to.equal('caring change');
      expect(root(el).querySelector('[part="unavailable"]')).to.equal(null);
    });
  });

  describe('accessibility', () => {
    for (const lang of ['en', 'cy']) {
      it(`axe finds nothing in any state (${lang})`, async () => {
        const el = await list(`lang="${lang}" page-size="2"`);
        await expectAccessible(el);
        await typeInto(el, 'zzz');
        await expectAccessible(el);
        const panel = await list(`lang="${lang}" controls="none"`);
        await expectAccessible(panel);
        const more = await list(`lang="${lang}" paging="more" page-size="2"`);
        await expectAccessible(more);
        const empty = await list(`lang="${lang}"`, await serve({ version: 1, resources: [] }));
        expect(root(empty).textContent).to.contain(
          lang === 'cy' ? 'Nid oes adnoddau i’w dangos eto.' : 'There are no resources to show yet.',
        );
        await expectAccessible(empty);
      });
    }

    it('works by keyboard alone: search, filters, results and pages in order', async () => {
      const el = await list('page-size="2"');
      const before = document.createElement('button');
      before.textContent = 'before';
      el.before(before);
      before.focus();
      const stops: string[] = [];
      for (let i = 0; i < 12; i += 1) {
        await sendKeys({ press: 'Tab' });
        const active = root(el).activeElement as HTMLElement | null;
        stops.push(
          active ? active.id || active.getAttribute('part') || active.textContent!.trim().slice(0, 12) : 'outside',
        );
      }
      expect(stops.slice(0, 5)).to.deep.equal(['query', 'type', 'topic', 'resourceLang', 'sort']);
      expect(stops[5]).to.match(/^Gŵyl lles y/);
      expect(stops[6]).to.match(/^Gwella/);
      expect(stops).to.include('page-button');
      await typeInto(el, 'caring');
      for (let i = 0; i < 5; i += 1) await sendKeys({ press: 'Tab' });
      expect(root(el).activeElement?.textContent).to.contain('Clear filters');
    });

    it('has no horizontal scroll at 320 px', async () => {
      const wrapper = await fixture<HTMLDivElement>(
        `<div style="width: 320px"><cl-resource-list src="${await serve(generatedFeed(40))}" page-size="5"></cl-resource-list></div>`,
      );
      const el = await settled(wrapper.querySelector<ClResourceList>('cl-resource-list')!);
      expectNoOverflow(el);
      const cy = await fixture<HTMLDivElement>(
        `<div style="width: 320px"><cl-resource-list lang="cy" src="${await serve()}"></cl-resource-list></div>`,
      );
      expectNoOverflow(await settled(cy.querySelector<ClResourceList>('cl-resource-list')!));
    });
  });

  it('renders only the current page of 10,000 resources, and finds one by typing', async () => {
    const el = await list('', await serve(generatedFeed(10_000)));
    expect(ids(el)).to.have.length(10);
    expect(countText(el)).to.equal('10,000 resources');
    search(el).focus();
    await sendKeys({ type: 'resource 9999' });
    // The search waits for the rest of the list, read when the page is idle (see resource-list-long.test.ts).
    await until(() => ids(el).length === 1, 'one match');
    expect(ids(el)).to.deep.equal(['r-9999']);
  });

  it('shows the built-in feed with no attributes, and a bare tag stays bare', async () => {
    const el = await fixture<ClResourceList>(html`<cl-resource-list></cl-resource-list>`);
    await settled(el);
    // The built-in feed the widget resolves (see define.ts), read here as the widget reads it.
    const builtIn = validateFeed(await (await fetch(new URL('../feed/built-in.json', import.meta.url))).json()).feed!;
    expect(builtIn.resources.length).to.be.greaterThan(0);
    const items = root(el).querySelectorAll('[part~="item"]');
    expect(items).to.have.length(Math.min(10, builtIn.resources.length));
    expect(countText(el)).to.equal(`${builtIn.resources.length} resources`);
    for (const li of items) expect(li.querySelector('a')?.href).to.match(/^(https?|mailto|tel):/);
    // Its own attributes stay unwritten. (`src` comes from the shared FeedWidget, which writes src="".)
    expect(el.getAttributeNames().filter((name) => name !== 'src')).to.deep.equal([]);
    await expectAccessible(el);
  });

  it('in Welsh, links the built-in feed’s resources to their Welsh pages where they exist and says "Yn Saesneg" only of English ones', async () => {
    const el = await fixture<ClResourceList>(html`<cl-resource-list lang="cy" page-size="50"></cl-resource-list>`);
    await settled(el);
    const shown = [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')].map((li) => ({
      id: li.dataset.id,
      href: li.querySelector('a')!.href,
      said: li.querySelector('[part="meta"] span:last-child')!.textContent!.trim(),
    }));
    const said = (id: string) => shown.find((resource) => resource.id === id);
    expect(said('principles-and-how-to-use-them')).to.deep.equal({
      id: 'principles-and-how-to-use-them',
      href: 'https://gofalcymdeithasol.cymru/adnoddau-canllawiau/gwella-gofal-a-chymorth/arweinyddiaeth-dosturiol/egwyddorion-arweinyddiaeth-dosturiol-a-sut-iw-defnyddio',
      said: 'Yn Saesneg a Chymraeg',
    });
    expect(said('positive-cultures')!.href).to.match(/^https:\/\/grwpgwybodaeth\.gofalcymdeithasol\.cymru\//);
    expect(said('five-myths-of-compassionate-leadership')!.said).to.equal('Yn Saesneg');
    // "Yn Saesneg" is said exactly of the resources whose link, for a Welsh reader, is not on a Welsh site.
    const welshSite = /^https:\/\/(?:[a-z]+\.)?gofalcymdeithasol\.cymru\//;
    expect(shown.filter((r) => r.said === 'Yn Saesneg').map((r) => r.id)).to.deep.equal(
      shown.filter((r) => !welshSite.test(r.href)).map((r) => r.id),
    );
    expect(shown.filter((r) => r.said === 'Yn Saesneg').length).to.be.greaterThan(0);
    await expectAccessible(el);
  });
});
