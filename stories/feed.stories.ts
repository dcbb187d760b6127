import { ContextEvent } from '@lit/context';
import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, waitFor } from 'storybook/test';
import '../src/feed/define.js';
import { feedContext } from '../src/feed/context.js';
import type { FeedEntry } from '../src/feed/store.js';

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
