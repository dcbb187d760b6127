import { expect } from '@open-wc/testing';
import { mergeLayers } from '../src/feed/layers.js';
import type { Feed } from '../src/feed/schema.js';
import '../src/feed/define.js';
import '../src/components/principle-cards/define.js';
import '../src/components/resource-list/define.js';
import { STORAGE_PREFIX } from '../src/internal/storage.js';
import {
  expectAccessible,
  mock,
  mount,
  openEntryPage,
  part,
  parts,
  requestCount,
  uniqueName,
  unmountAll,
  until,
  visibleText,
} from './harness.js';

/*
 * A local layer beside the national feed (`local` on <cl-feed> and on any
 * widget): the merge rules, one request per address, each layer failing
 * alone, and each layer's own saved copy.
 */

const empty = { topics: [], principles: [], behaviours: [], films: [], resources: [] };
const resource = (id: string, title: string) => ({
  id,
  title,
  url: `https://example.org/${id}`,
  type: 'guide' as const,
  languages: ['en' as const],
});

const national = {
  version: 1,
  source: { name: { en: 'Social Care Wales', cy: 'Gofal Cymdeithasol Cymru' } },
  topics: [{ id: 'wellbeing', label: 'Wellbeing' }],
  principles: [
    { id: 'attending', number: 1, title: 'Attending', summary: 'Listen.' },
    { id: 'empathising', number: 2, title: 'Empathising', summary: 'Feel with.' },
  ],
  resources: [resource('kings-fund', 'Caring to change'), resource('old-guide', 'An old guide')],
};
const local = {
  version: 1,
  source: { name: { en: 'Cwm Derwen Council', cy: 'Cyngor Cwm Derwen' } },
  hide: ['old-guide'],
  topics: [{ id: 'welsh-courses', label: 'Welsh-language courses' }],
  resources: [
    resource('wellbeing-service', 'Our wellbeing service'),
    {
      ...resource('leadership-programme', 'Our leadership programme'),
      title: { en: 'Our leadership programme', cy: 'Ein rhaglen arwain' },
    },
  ],
};

/** Each resource title, without the link's "opens another website" mark after it. */
const titles = (el: Element) => parts(el, 'title').map((title) => title.textContent?.split('↗')[0]?.trim());

describe('local layers: the merge', () => {
  const feed = (extra: Partial<Feed>): Feed => ({ version: 1, ...empty, ...extra });

  it('adds local items after the national ones, replaces one with the same id in place, hides the hidden', () => {
    const merged = mergeLayers(
      feed({ resources: [resource('a', 'A'), resource('b', 'B'), resource('c', 'C')] }),
      feed({ resources: [resource('x', 'X'), resource('b', 'Local B')], hide: ['c'] }),
    );
    expect(merged.resources.map((r) => [r.id, r.title, r.layer])).to.deep.equal([
      ['a', 'A', undefined],
      ['b', 'Local B', 'local'],
      ['x', 'X', 'local'],
    ]);
  });

  it('adds local topics to the national ones, and puts local cards first when the layer says `order: "first"`', () => {
    const principle = (id: string, number: number) => ({ id, number, title: id, summary: id });
    const merged = mergeLayers(
      feed({ topics: [{ id: 't1', label: 'One' }], principles: [principle('n', 1)] }),
      feed({ topics: [{ id: 't2', label: 'Two' }], principles: [principle('l', 8)], order: 'first' }),
    );
    expect(merged.topics.map((t) => t.id)).to.deep.equal(['t1', 't2']);
    expect(merged.principles.map((p) => p.id)).to.deep.equal(['l', 'n']);
  });

  it('names both publishers, and the local contact route replaces the national one', () => {
    const merged = mergeLayers(
      feed({ source: { name: 'National' }, contact: { email: 'national@example.org' } }),
      feed({ source: { name: 'Local' }, contact: { email: 'local@example.org' } }),
    );
    expect(merged.publishers).to.deep.equal({ national: 'National', local: 'Local' });
    expect(merged.contact).to.deep.equal({ email: 'local@example.org' });
  });

  it('leaves a national item alone when its id is hidden but the layer replaces it (the replacement shows)', () => {
    const merged = mergeLayers(
      feed({ resources: [resource('a', 'A')] }),
      feed({ resources: [resource('a', 'Local A')], hide: ['a'] }),
    );
    expect(merged.resources.map((r) => r.title)).to.deep.equal(['Local A']);
  });
});

describe('local layers: on a page', () => {
  afterEach(unmountAll);

  it('shows the national feed with the local layer, each address fetched once for several widgets', async () => {
    const [n, l] = [uniqueName('national'), uniqueName('local')];
    const [nationalUrl, localUrl] = [await mock(n, { body: national }), await mock(l, { body: local })];
    const page = await mount<HTMLDivElement>(`<div>
      <cl-feed src="${nationalUrl}" local="${localUrl}">
        <cl-resource-list></cl-resource-list>
        <cl-principle-cards></cl-principle-cards>
      </cl-feed>
      <cl-resource-list src="${nationalUrl}" local="${localUrl}" lang="cy"></cl-resource-list>
    </div>`);
    const [english, welsh] = [...page.querySelectorAll('cl-resource-list')];
    await until(() => titles(english!).length === 3 && titles(welsh!).length === 3, 'both lists');
    expect(titles(english!)).to.deep.equal(['Caring to change', 'Our wellbeing service', 'Our leadership programme']);
    expect(titles(welsh!)).to.deep.equal(['Caring to change', 'Our wellbeing service', 'Ein rhaglen arwain']);
    const cards = page.querySelector('cl-principle-cards')!;
    await until(() => parts(cards, 'card').length === 2, 'the national cards');
    expect(await requestCount(`/__test__/mock/${n}`)).to.equal(1);
    expect(await requestCount(`/__test__/mock/${l}`)).to.equal(1);
    await expectAccessible(english!);
    await expectAccessible(welsh!);
  });

  it('shows the national content with a plain notice when the local layer fails, and the merge after a retry', async () => {
    const [n, l] = [uniqueName('national'), uniqueName('local-down')];
    const nationalUrl = await mock(n, { body: national });
    const localUrl = await mock(l, { status: 503, body: 'down' }, { body: local });
    const list = await mount<HTMLElement>(
      `<cl-resource-list src="${nationalUrl}" local="${localUrl}"></cl-resource-list>`,
    );
    await until(() => parts(list, 'layer-failed').length === 1, 'the notice');
    expect(visibleText(part(list, 'layer-failed'))).to.equal(
      'Local content could not be loaded, so only the national content is shown. Try again',
    );
    expect(titles(list)).to.deep.equal(['Caring to change', 'An old guide']);
    await expectAccessible(list);
    part(list, 'layer-failed').querySelector('button')!.click();
    await until(() => titles(list).length === 3 && parts(list, 'layer-failed').length === 0, 'the merged list');
    expect(titles(list)).to.deep.equal(['Caring to change', 'Our wellbeing service', 'Our leadership programme']);
    // The retry fetched only the layer that failed.
    expect(await requestCount(`/__test__/mock/${n}`)).to.equal(1);
    expect(await requestCount(`/__test__/mock/${l}`)).to.equal(2);
  });

  it('shows the local items with a notice in Welsh when the national feed fails, and an error only when both fail', async () => {
    const [n, l] = [uniqueName('national-down'), uniqueName('local')];
    const nationalUrl = await mock(n, { status: 500, body: 'down' });
    const localUrl = await mock(l, { body: local });
    const list = await mount<HTMLElement>(
      `<cl-resource-list src="${nationalUrl}" local="${localUrl}" lang="cy"></cl-resource-list>`,
    );
    await until(() => parts(list, 'layer-failed').length === 1, 'the notice');
    expect(visibleText(part(list, 'layer-failed'))).to.equal(
      'Nid oedd modd llwytho’r cynnwys cenedlaethol, felly dim ond y cynnwys lleol sy’n cael ei ddangos. Rhoi cynnig arall arni',
    );
    expect(titles(list)).to.deep.equal(['Our wellbeing service', 'Ein rhaglen arwain']);
    await expectAccessible(list);

    const both = uniqueName('local-down-too');
    const alsoDown = await mock(both, { status: 500, body: 'down' });
    const failed = await mount<HTMLElement>(
      `<cl-resource-list src="${nationalUrl}" local="${alsoDown}"></cl-resource-list>`,
    );
    await until(() => parts(failed, 'error').length === 1, 'the error panel');
    expect(parts(failed, 'layer-failed')).to.have.length(0);
  });

  it('keeps a last good copy of each layer: on the next visit the national copy is served stale beside a fresh local layer', async () => {
    const [n, l] = [uniqueName('national-saved'), uniqueName('local-saved')];
    // The national feed answers the first visit, then fails; the local layer answers both.
    const nationalUrl = await mock(n, { body: national }, { status: 500, body: 'down' });
    const localUrl = await mock(l, { body: local });
    const visit = async () => {
      const { frame } = await openEntryPage('resource-list', nationalUrl, localUrl);
      const list = frame.contentDocument!.querySelector('cl-resource-list')!;
      await until(() => titles(list).length === 3, 'the merged list');
      return { frame, list };
    };
    const first = await visit();
    expect(parts(first.list, 'stale')).to.have.length(0);
    // Each layer's copy is written once the page is idle.
    for (const url of [nationalUrl, localUrl])
      await until(() => localStorage.getItem(`${STORAGE_PREFIX}feed:${url}`), `the copy of ${url} saved`);
    first.frame.remove();
    const second = await visit();
    try {
      expect(titles(second.list)).to.deep.equal([
        'Caring to change',
        'Our wellbeing service',
        'Our leadership programme',
      ]);
      // The saved national copy shows at once; the notice comes when the check with the server fails.
      await until(() => parts(second.list, 'stale').length === 1, 'the saved-copy notice');
      expect(visibleText(part(second.list, 'stale'))).to.match(
        /^You are seeing a saved copy from .+: the latest content could not be loaded\.\s*Try again$/,
      );
      expect(await requestCount(`/__test__/mock/${n}`)).to.equal(2);
    } finally {
      second.frame.remove();
    }
  });
});
