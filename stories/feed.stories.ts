import { ContextEvent } from '@lit/context';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/feed/define.js';
import '../src/components/resource-list/define.js';
import { feedContext } from '../src/feed/context.js';
import type { FeedEntry } from '../src/feed/store.js';
import { principleSections } from '../src/feed/sections/principles.js';
import { useSections } from '../src/feed/validate-sections.js';
import { loadedParts, shadowOf } from './feed-states.js';

interface FeedArgs {
  src: string;
}

/** Asks the nearest provider for its feed, as a widget inside <cl-feed> does. */
function requestFeed(from: Element): { answered: boolean; entry: FeedEntry | undefined } {
  const answer: { answered: boolean; entry: FeedEntry | undefined } = { answered: false, entry: undefined };
  from.dispatchEvent(
    new ContextEvent(feedContext, from, (entry) => Object.assign(answer, { answered: true, entry }), false),
  );
  return answer;
}

const renderFeed = ({ src }: FeedArgs) =>
  html`<cl-feed src=${src}>
    <p data-testid="explanation">
      <code>&lt;cl-feed&gt;</code> shows nothing itself: it gives the feed at its <code>src</code> to every widget
      inside it, so a page sets the feed's address once. This paragraph is its content, shown unchanged.
    </p>
  </cl-feed>`;

const meta = {
  title: 'Feed/cl-feed',
  component: 'cl-feed',
  args: { src: '/fixtures/feed.json' },
  argTypes: { src: { control: 'text' } },
  render: renderFeed,
} satisfies Meta<FeedArgs>;

export default meta;
type Story = StoryObj<FeedArgs>;

export const ProvidesAFeed: Story = {
  play: async ({ canvas, canvasElement, step }) => {
    const provider = canvasElement.querySelector('cl-feed')!;
    const explanation = canvas.getByTestId('explanation');

    await step('shows its content unchanged through one slot', async () => {
      await expect(provider.shadowRoot?.querySelector('slot')).toBeTruthy();
      await expect(explanation).toBeVisible();
      await expect(explanation.assignedSlot).toBe(provider.shadowRoot?.querySelector('slot'));
    });

    await step('gives the loaded feed to what is inside it', async () => {
      const { entry } = requestFeed(explanation);
      // A reader of the feed names the sections it reads (as each widget does): here, the principles.
      useSections(principleSections);
      await expect(entry?.url).toBe(new URL('/fixtures/feed.json', document.baseURI).href);
      await waitFor(() => expect(entry?.state.status).toBe('ready'));
      const state = entry!.state;
      await expect(state.status === 'ready' && state.feed.principles.map((p) => p.number)).toEqual([
        1, 2, 3, 4, 5, 6, 7,
      ]);
    });
  },
};

let visits = 0;

/**
 * A slow feed (`/fixtures/slow/…`, answered after a delay by the Storybook
 * dev server only: the static build has no such route). Widgets inside get
 * the feed's entry at once and show their loading state until it arrives.
 */
export const SlowFeed: Story = {
  args: { src: '/fixtures/slow/feed.json?delay=1500' },
  // The store loads each address once per page: a new one per visit shows the wait again.
  render: ({ src }) => renderFeed({ src: `${src}&visit=${(visits += 1)}` }),
  play: async ({ canvas, step }) => {
    const { entry } = requestFeed(canvas.getByTestId('explanation'));
    await step('provides the entry while the feed is loading', async () => {
      await expect(entry?.state.status).toBe('loading');
    });
    await step('the feed arrives after the delay', async () => {
      await waitFor(() => expect(entry?.state.status).toBe('ready'), { timeout: 5000 });
    });
  },
};

/** Without `src` it provides nothing, so the widgets inside use their own `src` or the built-in feed. */
/** Without `src` it gives the built-in feed, so the widgets inside it never wait for a feed that cannot come. */
export const WithoutSrc: Story = {
  args: { src: '' },
  play: async ({ canvas }) => {
    const explanation = canvas.getByTestId('explanation');
    await expect(explanation).toBeVisible();
    const { answered, entry } = requestFeed(explanation);
    await expect(answered).toBe(true);
    await expect(new URL(entry!.url).pathname).toBe('/feed/built-in.json');
  },
};

/** A local authority's layer (stories/fixtures/resource-list-local.json): three resources of its own, with Welsh. */
const LOCAL = '/fixtures/resource-list-local.json';

/** `<cl-feed src local>` around a resource list, with the explanation; `local` reaches the list through the provider. */
const renderLayered = ({ src, local }: FeedArgs & { local: string }) =>
  html`<cl-feed src=${src} local=${local}>
    <p data-testid="explanation">
      With <code>local</code>, <code>&lt;cl-feed&gt;</code> gives the widgets inside it the national feed
      (<code>src</code>) with a partner's own items added, replaced or hidden: see the guide "Adding your own
      resources".
    </p>
    <cl-resource-list page-size="20"></cl-resource-list>
  </cl-feed>`;

/** Each resource title, without the link's "opens another website" mark after it. */
const titles = (canvasElement: HTMLElement) =>
  [...shadowOf(canvasElement, 'cl-resource-list').querySelectorAll('[part~="title"]')].map((title) =>
    title.textContent?.split('↗')[0]?.trim(),
  );

/** A local layer (`local`): the council's three resources come after the national ones, in one list. */
export const LocalLayer: StoryObj<FeedArgs & { local: string }> = {
  args: { src: '/fixtures/feed.json', local: LOCAL },
  render: renderLayered,
  play: async ({ canvas, canvasElement, step }) => {
    const { entry } = requestFeed(canvas.getByTestId('explanation'));
    await step('gives one merged feed', async () => {
      await waitFor(() => expect(entry?.state.status).toBe('ready'));
      const state = entry!.state;
      const resources = state.status === 'ready' ? state.feed.resources : [];
      await expect(resources.filter((r) => r.layer === 'local').map((r) => r.id)).toEqual([
        'cwm-derwen-wellbeing-service',
        'cwm-derwen-leadership-programme',
        'cwm-derwen-supervision-guide',
      ]);
      await expect(resources.length).toBe(8);
    });
    await step('the list shows the local resources with the national ones', async () => {
      await loadedParts(shadowOf(canvasElement, 'cl-resource-list'), 'title');
      await expect(titles(canvasElement)).toContain('Our staff wellbeing service');
      await expect(titles(canvasElement)).toHaveLength(8);
    });
  },
};

let layerVisits = 0;

/**
 * Layered loading: the national feed is quick, the local layer slow
 * (`/fixtures/slow/…`, the dev server only). The list waits for both, so
 * local items never pop in after the national ones are read.
 */
export const LayeredLoading: StoryObj<FeedArgs & { local: string }> = {
  args: { src: '/fixtures/feed.json', local: '/fixtures/slow/resource-list-local.json?delay=1500' },
  // A new address per visit: the store loads each one once per page.
  render: ({ src, local }) => renderLayered({ src, local: `${local}&visit=${(layerVisits += 1)}` }),
  play: async ({ canvas, canvasElement, step }) => {
    const { entry } = requestFeed(canvas.getByTestId('explanation'));
    const list = shadowOf(canvasElement, 'cl-resource-list');
    await step('loading until the local layer answers, though the national feed has', async () => {
      await expect(entry?.state.status).toBe('loading');
      await waitFor(() => expect(list.querySelector('[part~="loading"]')).toBeTruthy());
    });
    await step('then both at once', async () => {
      await waitFor(() => expect(entry?.state.status).toBe('ready'), { timeout: 5000 });
      await loadedParts(list, 'title');
      await expect(titles(canvasElement)).toContain('Our staff wellbeing service');
    });
  },
};

/** The local layer fails (here: no such file): the national content, under a notice with a retry button. */
export const LocalLayerFails: StoryObj<FeedArgs & { local: string }> = {
  args: { src: '/fixtures/feed.json', local: '/fixtures/no-such-local-layer.json' },
  render: renderLayered,
  play: async ({ canvasElement }) => {
    const list = shadowOf(canvasElement, 'cl-resource-list');
    await waitFor(() => expect(list.querySelector('[part~="layer-failed"]')).toBeTruthy(), { timeout: 5000 });
    const notice = list.querySelector('[part~="layer-failed"]')!;
    await expect(notice).toHaveTextContent('Local content could not be loaded, so only the national content is shown.');
    await expect(notice.querySelector('button')).toHaveTextContent('Try again');
    await loadedParts(list, 'title');
    await expect(titles(canvasElement)).toHaveLength(5);
    await expect(titles(canvasElement)).not.toContain('Our staff wellbeing service');
  },
};

/** The national feed fails: the local layer's own items, under a notice. */
export const NationalFails: StoryObj<FeedArgs & { local: string }> = {
  args: { src: '/fixtures/no-such-national-feed.json', local: LOCAL },
  render: renderLayered,
  play: async ({ canvasElement }) => {
    const list = shadowOf(canvasElement, 'cl-resource-list');
    await waitFor(() => expect(list.querySelector('[part~="layer-failed"]')).toBeTruthy(), { timeout: 5000 });
    await expect(list.querySelector('[part~="layer-failed"]')).toHaveTextContent(
      'The national content could not be loaded, so only local content is shown.',
    );
    await loadedParts(list, 'title');
    await expect(titles(canvasElement)).toHaveLength(3);
  },
};
