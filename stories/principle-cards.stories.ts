import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, within } from 'storybook/test';
import '../src/components/principle-cards/define.js';
import fixtureFeed from './fixtures/principle-cards-feed.json';
import { expectErrorPanel, expectLoadingState, loadedParts, saveLastGoodCopy, shadowOf } from './feed-states.js';

interface PrincipleCardsArgs {
  src: string;
  principles: string;
  headingLevel: number;
  heading: string;
  layout: 'grid' | 'list';
  behaviours: boolean;
  lang: '' | 'en' | 'cy';
}

const FEED = '/fixtures/principle-cards-feed.json';
/** No such file: the store gets an error. Each story adds its own query so it has its own store entry. */
const MISSING = '/fixtures/principle-cards-missing.json';

const shadow = (canvasElement: HTMLElement): ShadowRoot => shadowOf(canvasElement, 'cl-principle-cards');

const loadedCards = (canvasElement: HTMLElement): Promise<HTMLElement[]> => loadedParts(shadow(canvasElement), 'card');

const meta = {
  title: 'Widgets/cl-principle-cards',
  component: 'cl-principle-cards',
  args: { src: FEED, principles: '', headingLevel: 3, heading: '', layout: 'grid', behaviours: false, lang: '' },
  argTypes: {
    src: { control: 'text' },
    principles: { control: 'text', description: 'Ids or numbers, in order: "1,4" or "direction learning"' },
    headingLevel: { control: { type: 'range', min: 2, max: 6, step: 1 } },
    heading: { control: 'text' },
    layout: { control: 'inline-radio', options: ['grid', 'list'] },
    behaviours: { control: 'boolean' },
    lang: { control: 'inline-radio', options: ['', 'en', 'cy'] },
  },
  render: (args) =>
    html`<cl-principle-cards
      src=${args.src}
      principles=${ifDefined(args.principles || undefined)}
      heading-level=${args.headingLevel}
      heading=${ifDefined(args.heading || undefined)}
      layout=${args.layout}
      ?behaviours=${args.behaviours}
      lang=${ifDefined(args.lang || undefined)}
    >
      <p>
        <a href="https://socialcare.wales/resources-guidance/improving-care-and-support/compassionate-leadership"
          >The principles on the Social Care Wales website</a
        >
      </p>
    </cl-principle-cards>`,
} satisfies Meta<PrincipleCardsArgs>;

export default meta;
type Story = StoryObj<PrincipleCardsArgs>;

/** All seven principles; the play function opens the first card's practice points. */
export const Default: Story = {
  play: async ({ canvasElement, step }) => {
    const [first] = await loadedCards(canvasElement);
    const card = within(first!);
    const toggle = card.getByRole('button', { name: 'Ways you could do this' });
    await step('expands a card', async () => {
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
      await userEvent.click(toggle);
      await expect(toggle).toHaveAttribute('aria-expanded', 'true');
      await expect(card.getByText('Set goals together at the start of a piece of work.')).toBeVisible();
    });
    await step('collapses it again from the keyboard', async () => {
      await userEvent.keyboard('{Enter}');
      await expect(toggle).toHaveAttribute('aria-expanded', 'false');
    });
  },
};

/** Welsh names where the feed has them; English text marked `lang="en"` where it has not. */
export const Welsh: Story = {
  args: { lang: 'cy', behaviours: true },
  play: async ({ canvasElement }) => {
    const [first, , , fourth] = await loadedCards(canvasElement);
    await expect(first!.querySelector('[part~="number"]')).toHaveTextContent('Egwyddor 1 o 7');
    await expect(first!.querySelector('[part~="title"]')).not.toHaveAttribute('lang');
    await expect(fourth!.querySelector('[part~="title"]')).toHaveAttribute('lang', 'en');
    await userEvent.click(within(first!).getByRole('button', { name: 'Ffyrdd y gallech chi wneud hyn' }));
    await expect(first!.querySelector('[part~="practice-panel"]')).toBeVisible();
  },
};

/** `principles="7,learning,1"` picks those (numbers or ids), in that order. */
export const Subset: Story = {
  args: { principles: '7,learning,1' },
  play: async ({ canvasElement }) => {
    const cards = await loadedCards(canvasElement);
    await expect(cards.map((c) => c.dataset['id'])).toEqual(['safe-systems', 'learning', 'direction']);
  },
};

/** `heading-level="4"` with a section heading: titles are h4 under an h3, as on a page whose section above is an h2. */
export const HeadingLevels: Story = {
  args: { headingLevel: 4, heading: 'The seven principles' },
  play: async ({ canvasElement }) => {
    await loadedCards(canvasElement);
    const root = shadow(canvasElement);
    await expect(root.querySelector('[part~="heading"]')?.localName).toBe('h3');
    await expect(root.querySelectorAll('h4[part~="title"]')).toHaveLength(7);
  },
};

/** One card a row, however wide the widget is. */
export const ListLayout: Story = {
  args: { layout: 'list' },
  play: async ({ canvasElement }) => {
    const cards = await loadedCards(canvasElement);
    await expect(new Set(cards.map((card) => card.getBoundingClientRect().left)).size).toBe(1);
  },
};

/** The four core behaviours above the cards. */
export const Behaviours: Story = {
  args: { behaviours: true, heading: 'Compassionate leadership' },
  play: async ({ canvasElement }) => {
    await loadedCards(canvasElement);
    const behaviours = shadow(canvasElement).querySelector<HTMLElement>('[part~="behaviours"]')!;
    await expect(within(behaviours).getByRole('heading', { name: 'The 4 core behaviours' })).toBeVisible();
    await expect(within(behaviours).getAllByRole('listitem')).toHaveLength(4);
  },
};

/**
 * A feed that takes two minutes to answer (the dev server's slow route), so
 * the loading state stays. In the static build there is no slow route: the
 * story shows the error state.
 */
export const Loading: Story = {
  args: { src: '/fixtures/slow/principle-cards-feed.json?delay=120000&story=principle-cards-loading' },
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await expectLoadingState(root);
  },
};

/** The feed cannot be loaded and there is no saved copy: the error panel, and the partner's own link below it. */
export const ErrorState: Story = {
  name: 'Error',
  args: { src: `${MISSING}?story=error` },
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await expect(await expectErrorPanel(root)).toHaveTextContent('(404)');
    await expect(
      within(canvasElement).getByRole('link', { name: 'The principles on the Social Care Wales website' }),
    ).toBeVisible();
  },
};

/** The feed fails but a last good copy was saved earlier: the copy, under a notice with a retry button. */
export const Stale: Story = {
  args: { src: `${MISSING}?story=stale` },
  beforeEach: ({ args }) => saveLastGoodCopy(args.src, FEED, fixtureFeed),
  play: async ({ canvasElement }) => {
    await loadedCards(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part~="stale"]')).toHaveTextContent('saved copy');
  },
};

/** A partner's colours and shapes through `--cl-*` custom properties and `::part`. */
export const Themed: Story = {
  args: { behaviours: true },
  render: (args) =>
    html`<style>
        .themed {
          --cl-color-accent: #6b2d5c;
          --cl-color-link: #6b2d5c;
          --cl-color-surface: #fdf7fb;
          --cl-color-border: #8c6a80;
          --cl-radius: 12px;
          --cl-gap: 1.5rem;
          --cl-font-family: Georgia, serif;
        }
        .themed::part(card) {
          box-shadow: 0 2px 6px rgb(0 0 0 / 0.15);
        }
        .themed::part(number) {
          text-transform: uppercase;
          letter-spacing: 0.05em;
        }
      </style>
      <div class="themed">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const [first] = await loadedCards(canvasElement);
    await expect(getComputedStyle(first!).borderRadius).toBe('12px');
  },
};
