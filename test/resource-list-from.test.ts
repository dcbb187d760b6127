import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/resource-list/define.js';
import type { ClResourceList, ResourceFilterDetail } from '../src/components/resource-list/resource-list.js';
import {
  expectAccessible,
  mock,
  mount,
  part,
  parts,
  settled,
  tabTo,
  uniqueName,
  unmountAll,
  until,
  visibleText,
} from './harness.js';

/*
 * The "From" filter of <cl-resource-list> with a local layer (`local`): it is
 * offered only when the list has local resources, names both publishers in
 * the reader's language, is used by keyboard, counts with Welsh plural forms,
 * starts from the `from` attribute and is told in `cl-resource-filter`.
 */

const resource = (id: string, type: string) => ({
  id,
  title: `Title ${id}`,
  url: `https://example.org/${id}`,
  type,
  languages: ['en'],
});

const NATIONAL_NAME = { en: 'Social Care Wales', cy: 'Gofal Cymdeithasol Cymru' };
const LOCAL_NAME = { en: 'Cwm Derwen Council', cy: 'Cyngor Cwm Derwen' };

/** Six national resources (one a guide) and three local ones (two guides, one course): 9, 6 and 3 in all. */
const national = (name: unknown = NATIONAL_NAME) => ({
  version: 1,
  ...(name ? { source: { name } } : {}),
  topics: [],
  resources: [...['n1', 'n2', 'n3', 'n4', 'n5'].map((id) => resource(id, 'article')), resource('n6', 'guide')],
});
const local = (name: unknown = LOCAL_NAME) => ({
  version: 1,
  ...(name ? { source: { name } } : {}),
  resources: [resource('l1', 'guide'), resource('l2', 'guide'), resource('l3', 'course')],
});

const root = (el: ClResourceList) => el.shadowRoot!;
const ids = (el: ClResourceList) => parts(el, 'item').map((item) => item.dataset['id']);
const select = (el: ClResourceList, id: string) => root(el).querySelector<HTMLSelectElement>(`#${id}`)!;
const countText = (el: ClResourceList) => visibleText(part(el, 'count'));
const optionTexts = (el: ClResourceList) => [...select(el, 'from').options].map((option) => option.text.trim());
const labelOf = (el: ClResourceList, id: string) => root(el).querySelector(`label[for="${id}"]`)!.textContent!.trim();

/** A list of the national feed with the local layer over it (`localFeed: null`: no layer). */
async function layeredList(
  attributes = '',
  feeds: { nationalFeed?: object; localFeed?: object | null } = {},
  width?: string,
): Promise<ClResourceList> {
  const nationalUrl = await mock(uniqueName('from-national'), { body: feeds.nationalFeed ?? national() });
  const localFeed = feeds.localFeed === undefined ? local() : feeds.localFeed;
  const localUrl = localFeed && (await mock(uniqueName('from-local'), { body: localFeed }));
  const el = await mount<ClResourceList>(
    `<cl-resource-list src="${nationalUrl}" ${localUrl ? `local="${localUrl}"` : ''} ${attributes}></cl-resource-list>`,
    { width },
  );
  await settled(el);
  await until(() => parts(el, 'item').length > 0, 'the resources');
  return el;
}

/** Presses `key` on the focused select and waits for the list to apply the reader's choice (its event). */
async function press(el: ClResourceList, key: 'ArrowDown' | 'ArrowUp', expectedValue: string): Promise<void> {
  const control = root(el).activeElement as HTMLSelectElement;
  const applied = new Promise((resolve) => el.addEventListener('cl-resource-filter', resolve, { once: true }));
  await sendKeys({ press: key });
  expect(control.value).to.equal(expectedValue);
  await applied;
  await el.updateComplete;
}

describe('cl-resource-list: the "From" filter of a local layer', () => {
  afterEach(unmountAll);

  it('is not offered without a local layer, nor when the local layer fails (nothing is marked as local)', async () => {
    const plain = await layeredList('', { localFeed: null });
    expect(select(plain, 'from')).to.equal(null);
    expect(parts(plain, 'from')).to.have.length(0);
    expect(ids(plain)).to.have.length(6);

    const nationalUrl = await mock(uniqueName('from-national'), { body: national() });
    const downUrl = await mock(uniqueName('from-local-down'), { status: 503, body: 'down' });
    const failed = await mount<ClResourceList>(
      `<cl-resource-list src="${nationalUrl}" local="${downUrl}"></cl-resource-list>`,
    );
    await until(() => parts(failed, 'layer-failed').length === 1, 'the layer-failed notice');
    expect(select(failed, 'from')).to.equal(null);
    expect(parts(failed, 'from')).to.have.length(0);
  });

  it('names both publishers in English, marks the local resources, and filters by keyboard with the count', async () => {
    const el = await layeredList();
    const events: ResourceFilterDetail[] = [];
    el.addEventListener('cl-resource-filter', (event) => events.push(event.detail));
    expect(labelOf(el, 'from')).to.equal('From');
    expect(optionTexts(el)).to.deep.equal(['Everyone', 'Cwm Derwen Council', 'Social Care Wales']);
    expect(countText(el)).to.equal('9 resources');
    expect(parts(el, 'from').map(visibleText)).to.deep.equal([
      'From: Cwm Derwen Council',
      'From: Cwm Derwen Council',
      'From: Cwm Derwen Council',
    ]);
    // Only the local resources say where they are from.
    expect(parts(el, 'from').map((from) => from.closest('[part~="item"]')!.getAttribute('data-id'))).to.deep.equal([
      'l1',
      'l2',
      'l3',
    ]);
    await expectAccessible(el);

    await tabTo(select(el, 'from'));
    await press(el, 'ArrowDown', 'local');
    expect(ids(el)).to.deep.equal(['l1', 'l2', 'l3']);
    expect(countText(el)).to.equal('3 resources');
    expect(parts(el, 'clear')).to.have.length(1);
    await expectAccessible(el);

    await press(el, 'ArrowDown', 'national');
    expect(ids(el)).to.deep.equal(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    expect(countText(el)).to.equal('6 resources');
    await expectAccessible(el);

    await press(el, 'ArrowUp', 'local');
    await press(el, 'ArrowUp', '');
    expect(ids(el)).to.have.length(9);
    expect(countText(el)).to.equal('9 resources');
    expect(parts(el, 'clear')).to.have.length(0);
    expect(events.map(({ from, count }) => [from, count])).to.deep.equal([
      ['local', 3],
      ['national', 6],
      ['local', 3],
      ['', 9],
    ]);
    expect(events[0]).to.deep.equal({ query: '', type: '', topic: '', resourceLang: '', from: 'local', count: 3 });
  });

  it('in Welsh: names the publishers in Welsh and counts 0, 1, 2, 3, 6 and 9 with the Welsh plural forms', async () => {
    const el = await layeredList('lang="cy"');
    expect(labelOf(el, 'from')).to.equal('Oddi wrth');
    expect(optionTexts(el)).to.deep.equal(['Pawb', 'Cyngor Cwm Derwen', 'Gofal Cymdeithasol Cymru']);
    expect([...select(el, 'from').options].map((option) => option.lang)).to.deep.equal(['', '', '']);
    expect(countText(el)).to.equal('9 o adnoddau');
    expect(visibleText(parts(el, 'from')[0]!)).to.equal('Oddi wrth: Cyngor Cwm Derwen');
    await expectAccessible(el);

    await tabTo(select(el, 'from'));
    await press(el, 'ArrowDown', 'local');
    expect(countText(el)).to.equal('3 adnodd');
    await expectAccessible(el);
    await press(el, 'ArrowDown', 'national');
    expect(countText(el)).to.equal('6 adnodd');
    await expectAccessible(el);
    await press(el, 'ArrowUp', 'local');

    // With the type filter too: the local guides (2), the local course (1), the local articles (none).
    const type = select(el, 'type');
    expect([...type.options].map((option) => option.value)).to.deep.equal(['', 'article', 'guide', 'course']);
    type.focus();
    await press(el, 'ArrowDown', 'article');
    expect(ids(el)).to.deep.equal([]);
    expect(countText(el)).to.equal('Dim adnoddau');
    expect(visibleText(part(el, 'empty'))).to.equal(
      'Nid oes adnoddau’n cyfateb Rhowch gynnig ar eiriau eraill, neu cliriwch yr hidlwyr. Clirio’r hidlwyr',
    );
    await expectAccessible(el);
    await press(el, 'ArrowDown', 'guide');
    expect(ids(el)).to.deep.equal(['l1', 'l2']);
    expect(countText(el)).to.equal('2 adnodd');
    await expectAccessible(el);
    await press(el, 'ArrowDown', 'course');
    expect(ids(el)).to.deep.equal(['l3']);
    expect(countText(el)).to.equal('1 adnodd');
    await expectAccessible(el);
  });

  it('starts from `from="local"`; "Clear filters" shows everyone again and leaves the attribute alone', async () => {
    const el = await layeredList('from="local"');
    expect(ids(el)).to.deep.equal(['l1', 'l2', 'l3']);
    expect(select(el, 'from').value).to.equal('local');
    expect(countText(el)).to.equal('3 resources');
    await expectAccessible(el);

    part(el, 'clear').click();
    await until(() => ids(el).length === 9, 'every resource');
    expect(select(el, 'from').value).to.equal('');
    expect(el.getAttribute('from')).to.equal('local');

    // The property reflects, and the author's change starts the reader again from it.
    el.from = 'national';
    await el.updateComplete;
    expect(el.getAttribute('from')).to.equal('national');
    expect(ids(el)).to.deep.equal(['n1', 'n2', 'n3', 'n4', 'n5', 'n6']);
    el.removeAttribute('from');
    await el.updateComplete;
    expect(el.from).to.equal('');
    expect(ids(el)).to.have.length(9);
  });

  it('says "Local" and "National" (Welsh "Lleol", "Cenedlaethol") when the feeds name no publisher, and marks a name in the other language', async () => {
    const unnamed = await layeredList('lang="cy"', { nationalFeed: national(null), localFeed: local(null) });
    expect(optionTexts(unnamed)).to.deep.equal(['Pawb', 'Lleol', 'Cenedlaethol']);
    expect(visibleText(parts(unnamed, 'from')[0]!)).to.equal('Oddi wrth: Lleol');
    await expectAccessible(unnamed);

    const english = await layeredList('', { nationalFeed: national(null), localFeed: local(null) });
    expect(optionTexts(english)).to.deep.equal(['Everyone', 'Local', 'National']);

    // A local publisher named only in English, on a Welsh page: its name is marked lang="en".
    const englishOnly = await layeredList('lang="cy"', { localFeed: local('Cwm Derwen Council') });
    expect(optionTexts(englishOnly)).to.deep.equal(['Pawb', 'Cwm Derwen Council', 'Gofal Cymdeithasol Cymru']);
    expect([...select(englishOnly, 'from').options].map((option) => option.lang)).to.deep.equal(['', 'en', '']);
    const name = parts(englishOnly, 'from')[0]!.querySelector('[lang]')!;
    expect([name.getAttribute('lang'), name.textContent]).to.deep.equal(['en', 'Cwm Derwen Council']);
    await expectAccessible(englishOnly);
  });

  it('with sync-url keeps the choice in the address as cl-from, and a new list starts from it', async () => {
    const before = location.href;
    try {
      const el = await layeredList('sync-url');
      await tabTo(select(el, 'from'));
      await press(el, 'ArrowDown', 'local');
      expect(new URL(location.href).searchParams.get('cl-from')).to.equal('local');

      const again = await layeredList('sync-url');
      await until(() => ids(again).length === 3, 'the local resources');
      expect(select(again, 'from').value).to.equal('local');
      part(again, 'clear').click();
      await again.updateComplete;
      expect(new URL(location.href).searchParams.has('cl-from')).to.equal(false);
    } finally {
      history.replaceState(history.state, '', before);
    }
  });

  for (const [fields, localFeed] of [
    [5, undefined],
    [4, null],
  ] as const) {
    it(`its ${fields} fields share one row at 1,200 px, each in its place before the fields after it are there`, async () => {
      const el = await layeredList('', { localFeed }, '1200px');
      const controls = [...root(el).querySelectorAll<HTMLElement>('.fields > .field')];
      expect(controls.length).to.equal(fields);
      const place = (control: HTMLElement) => {
        const { left, top } = control.getBoundingClientRect();
        return `${Math.round(left)},${Math.round(top)}`;
      };
      const places = controls.map(place);
      expect(new Set(controls.map((control) => control.getBoundingClientRect().top)).size, 'one row').to.equal(1);
      // As prerendered HTML painted part way through lays them out: the fields after the first few not yet parsed.
      for (let parsed = 1; parsed < fields; parsed++) {
        controls.forEach((control, index) => (control.style.display = index < parsed ? '' : 'none'));
        expect(controls.slice(0, parsed).map(place), `${parsed} parsed`).to.deep.equal(places.slice(0, parsed));
      }
    });
  }
});
