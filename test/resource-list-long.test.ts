import { expect } from '@open-wc/testing';
import '../src/components/resource-list/define.js';
import type { ClResourceList } from '../src/components/resource-list/resource-list.js';
import { FIRST_RESOURCES } from '../src/feed/sections/resources.js';
import { combineLayers } from '../src/feed/layers.js';
import type { Feed } from '../src/feed/schema.js';
import { feedEntry, type FeedState } from '../src/feed/store.js';
import { validateFeed } from '../src/feed/validate.js';
import { expectAccessible, mock, uniqueName, until } from './harness.js';
import { generatedFeed } from './resource-list-fixtures.js';

/*
 * A long list (more than FIRST_RESOURCES resources) is read in two steps: its first page paints before the rest is
 * validated, and the rest follows once the page is idle, without moving what is on screen. Anything the reader does
 * meanwhile applies to the whole list.
 */

const root = (el: ClResourceList) => el.shadowRoot!;
const items = (el: ClResourceList) => [...root(el).querySelectorAll<HTMLElement>('[part~="item"]')];
const ids = (el: ClResourceList) => items(el).map((li) => li.dataset['id']);
const countText = (el: ClResourceList) => root(el).querySelector('[part="count"]')?.textContent?.trim();

/** A generated resource, whose type may be made invalid. */
type Raw = Omit<ReturnType<typeof generatedFeed>['resources'][number], 'type'> & { type: string };

/**
 * 500 resources, oldest first in the feed's order: r-499 is invalid (an unknown type) and r-496 shares r-500's date,
 * so the newest come in an order the list must keep (equal dates in the feed's order).
 */
function longFeed(): { version: number; resources: Raw[] } {
  const feed: { version: number; resources: Raw[] } = generatedFeed(500);
  const byId = (id: string) => feed.resources.find((resource) => resource.id === id)!;
  byId('r-499').type = 'pamphlet';
  byId('r-496').published = byId('r-500').published;
  return feed;
}

/** The list's order, worked out here: valid resources newest first, equal dates in the feed's order. */
function newestFirst(resources: Raw[]): string[] {
  return resources
    .filter((resource) => resource.type !== 'pamphlet')
    .map((resource, index) => ({ resource, index }))
    .sort((a, b) => b.resource.published.localeCompare(a.resource.published) || a.index - b.index)
    .map(({ resource }) => resource.id);
}

/** What the list shows when its feed first loads: taken as `cl-feed-load` fires, after that state's render. */
interface FirstView {
  ids: (string | undefined)[];
  count: string | undefined;
  items: HTMLElement[];
  state: FeedState;
  skeleton: boolean;
}

/**
 * A list of `src` (with `attributes`), and what it showed at its first `cl-feed-load`: `act` runs then, before the
 * page is idle. `loads` counts every `cl-feed-load`.
 */
function longList(
  src: string,
  attributes: Record<string, string> = {},
  act?: (el: ClResourceList) => void,
): { el: ClResourceList; first: Promise<FirstView>; loads: () => number } {
  const el = document.createElement('cl-resource-list');
  for (const [name, value] of Object.entries({ src, ...attributes })) el.setAttribute(name, value);
  let loads = 0;
  const first = new Promise<FirstView>((resolve) => {
    el.addEventListener('cl-feed-load', () => {
      loads += 1;
      if (loads > 1) return;
      // The event fires as the state arrives and the render is requested just after: one microtask, then that render.
      void Promise.resolve()
        .then(() => el.updateComplete)
        .then(() => {
          const view = {
            ids: ids(el),
            count: countText(el),
            items: items(el),
            state: feedEntry(src).state,
            skeleton: !!root(el).querySelector('.cl-skeleton'),
          };
          act?.(el);
          resolve(view);
        });
    });
  });
  document.body.append(el);
  return { el, first, loads: () => loads };
}

const partLength = (state: FeedState) => (state.status === 'ready' ? state.partial?.resources : undefined);

describe('<cl-resource-list> with a long list', () => {
  afterEach(() => document.querySelectorAll('cl-resource-list').forEach((el) => el.remove()));

  it('paints its first page before the rest is read, then reads the rest without moving it', async () => {
    const feed = longFeed();
    const order = newestFirst(feed.resources);
    const { el, first, loads } = longList(await mock(uniqueName('long'), { body: feed }));
    const view = await first;
    // Only the first page's worth was read: the feed's first FIRST_RESOURCES newest valid resources.
    expect(partLength(view.state)).to.equal(500);
    expect(view.state.status === 'ready' && view.state.feed.resources.length).to.equal(FIRST_RESOURCES);
    expect(view.ids).to.deep.equal(order.slice(0, 10));
    expect(view.ids.slice(0, 2)).to.deep.equal(['r-496', 'r-500']);
    // Counted from the list's length until the rest is read.
    expect(view.count).to.equal('500 resources');

    await until(() => countText(el) === '499 resources', 'the rest of the list to be read');
    expect(partLength(feedEntry(el.src!).state)).to.equal(undefined);
    expect(ids(el)).to.deep.equal(order.slice(0, 10));
    // The same elements: the first page was not rendered again from scratch.
    expect(items(el).every((li, i) => li === view.items[i])).to.equal(true);
    expect(loads()).to.equal(1);
    await expectAccessible(el);
  });

  it('takes a page chosen before the rest is read from the whole list', async () => {
    const feed = longFeed();
    const order = newestFirst(feed.resources);
    let chosenWhilePartial: number | undefined;
    const { el, first } = longList(await mock(uniqueName('long-page'), { body: feed }), {}, (list) => {
      chosenWhilePartial = partLength(feedEntry(list.src!).state);
      const buttons = [...root(list).querySelectorAll<HTMLButtonElement>('[part~="page-button"]')];
      buttons.find((button) => button.textContent!.trim().endsWith('50'))!.click();
    });
    const view = await first;
    expect(chosenWhilePartial).to.equal(500);
    expect(view.ids).to.deep.equal(order.slice(0, 10));
    // 499 valid resources: the last page, 50, holds the oldest nine.
    await until(() => ids(el)[0] === order[490], 'the last page of the whole list');
    expect(ids(el)).to.deep.equal(order.slice(490));
    expect(root(el).querySelector('[aria-current="page"]')!.textContent!.trim()).to.match(/50$/);
    expect(countText(el)).to.equal('499 resources');
  });

  it('shows a start view with a filter once the whole list is read', async () => {
    const feed = longFeed();
    const guides = newestFirst(feed.resources.filter((resource) => resource.type === 'guide'));
    const { el, first } = longList(await mock(uniqueName('long-guides'), { body: feed }), { type: 'guide' });
    const view = await first;
    // The first items are the newest of every type: they cannot make this view, so it waits in its skeleton.
    expect(partLength(view.state)).to.equal(500);
    expect(view.skeleton).to.equal(true);
    expect(view.ids).to.deep.equal([]);
    expect(view.count).to.equal(undefined);
    await until(() => countText(el), 'the filtered list');
    expect(countText(el)).to.equal(`${guides.length} resources`);
    expect(ids(el)).to.deep.equal(guides.slice(0, 10));
  });

  it('with a local layer, merges the layers only once the long national list is whole', () => {
    const local = validateFeed({ version: 1, resources: [{ ...generatedFeed(1).resources[0]!, id: 'local-1' }] });
    const whole = validateFeed(generatedFeed(300));
    const ready = (feed: Feed, partial?: number): FeedState => ({
      status: 'ready',
      feed,
      problems: [],
      stale: false,
      ...(partial && { partial: { resources: partial } }),
    });
    const first = { ...whole.feed!, resources: whole.feed!.resources.slice(0, FIRST_RESOURCES) };
    expect(combineLayers(ready(first, 300), ready(local.feed!)).status).to.equal('loading');
    expect(combineLayers(ready(local.feed!), ready(first, 300)).status).to.equal('loading');
    const merged = combineLayers(ready(whole.feed!), ready(local.feed!));
    expect(merged.status === 'ready' && merged.feed.resources.length).to.equal(301);
    // One layer failed: the other shows alone, in part as the store read it.
    const alone = combineLayers(ready(first, 300), { status: 'error', code: 'network', message: 'down' });
    expect(partLength(alone)).to.equal(300);
  });
});
