import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../src/components/resource-list/define.js';
import fixtureFeed from './fixtures/resource-list-feed.json';
import { expectErrorPanel, expectLoadingState, loadedParts, saveLastGoodCopy, shadowOf } from './feed-states.js';

interface ResourceListArgs {
  src: string;
  local: string;
  topic: string;
  type: string;
  resourceLang: '' | 'en' | 'cy';
  from: '' | 'local' | 'national';
  sort: 'newest' | 'oldest' | 'title';
  pageSize: number;
  limit: number;
  controls: '' | 'none';
  paging: '' | 'pages' | 'more';
  lang: '' | 'en' | 'cy';
}

const FEED = '/fixtures/resource-list-feed.json';
/** The built-in feed (it names its publisher) and a local authority's layer over it. */
const NATIONAL = '/feed/built-in.json';
const LOCAL = '/fixtures/resource-list-local.json';
/** No such file: the store gets an error. Each story adds its own query so it has its own store entry. */
const MISSING = '/fixtures/resource-list-missing.json';

const shadow = (canvasElement: HTMLElement): ShadowRoot => shadowOf(canvasElement, 'cl-resource-list');

const loadedItems = (canvasElement: HTMLElement): Promise<HTMLElement[]> => loadedParts(shadow(canvasElement), 'item');

const ids = (canvasElement: HTMLElement) =>
  [...shadow(canvasElement).querySelectorAll<HTMLElement>('[part~="item"]')].map((li) => li.dataset['id']);

const meta = {
  title: 'Widgets/cl-resource-list',
  component: 'cl-resource-list',
  args: {
    src: FEED,
    local: '',
    topic: '',
    type: '',
    resourceLang: '',
    from: '',
    sort: 'newest',
    pageSize: 10,
    limit: 0,
    controls: '',
    paging: '',
    lang: '',
  },
  argTypes: {
    src: { control: 'text' },
    local: { control: 'text', description: 'A local layer over `src`, e.g. "/fixtures/resource-list-local.json"' },
    topic: { control: 'text', description: 'A topic id, e.g. "wellbeing"' },
    type: {
      control: 'select',
      options: ['', 'article', 'blog', 'video', 'toolkit', 'report', 'guide', 'podcast', 'book', 'course', 'website'],
    },
    resourceLang: { control: 'inline-radio', options: ['', 'en', 'cy'] },
    from: { control: 'inline-radio', options: ['', 'local', 'national'], description: 'With a local layer' },
    sort: { control: 'inline-radio', options: ['newest', 'oldest', 'title'] },
    pageSize: { control: { type: 'number', min: 1, max: 50 } },
    limit: { control: { type: 'number', min: 0, max: 50 } },
    controls: { control: 'inline-radio', options: ['', 'none'] },
    paging: { control: 'inline-radio', options: ['', 'pages', 'more'] },
    lang: { control: 'inline-radio', options: ['', 'en', 'cy'] },
  },
  render: (args) =>
    html`<cl-resource-list
      src=${args.src}
      local=${ifDefined(args.local || undefined)}
      topic=${ifDefined(args.topic || undefined)}
      type=${ifDefined(args.type || undefined)}
      resource-lang=${ifDefined(args.resourceLang || undefined)}
      from=${ifDefined(args.from || undefined)}
      sort=${args.sort}
      page-size=${args.pageSize}
      limit=${ifDefined(args.limit || undefined)}
      controls=${ifDefined(args.controls || undefined)}
      paging=${ifDefined(args.paging || undefined)}
      lang=${ifDefined(args.lang || undefined)}
    >
      <p>
        <a href="https://socialcare.wales/resources-guidance/improving-care-and-support/compassionate-leadership"
          >Compassionate leadership resources on the Social Care Wales website</a
        >
      </p>
    </cl-resource-list>`,
} satisfies Meta<ResourceListArgs>;

export default meta;
type Story = StoryObj<ResourceListArgs>;

/** Every resource, newest first; the play function searches, filters and clears. */
export const Default: Story = {
  play: async ({ canvasElement, step }) => {
    await loadedItems(canvasElement);
    const root = within(shadow(canvasElement) as unknown as HTMLElement);
    const search = root.getByLabelText('Search resources');
    await step('searches, ignoring case and accents', async () => {
      await userEvent.type(search, 'KINGS FUND');
      await waitFor(() => expect(ids(canvasElement)).toEqual([]));
      await userEvent.type(search, '{Backspace}'.repeat((search as HTMLInputElement).value.length));
      await userEvent.type(search, "king's caring");
      await waitFor(() => expect(ids(canvasElement)).toEqual(['caring-to-change']));
      await waitFor(() => expect(root.getByRole('status')).toHaveTextContent('1 resource'));
    });
    await step('filters by type, then clears', async () => {
      await userEvent.type(search, '{Backspace}'.repeat((search as HTMLInputElement).value.length));
      await userEvent.selectOptions(root.getByLabelText('Type'), 'blog');
      await expect(ids(canvasElement)).toEqual([
        'wcva-collective',
        'five-myths',
        'greatest-contribution',
        'health-and-social-care-2016',
      ]);
      await userEvent.click(root.getByRole('button', { name: 'Clear filters' }));
      await waitFor(() => expect(ids(canvasElement)).toHaveLength(10));
    });
  },
};

/** Welsh: Welsh titles and addresses where the feed has them; English ones marked `lang="en"` and "Yn Saesneg". */
export const Welsh: Story = {
  args: { lang: 'cy' },
  play: async ({ canvasElement }) => {
    await loadedItems(canvasElement);
    const root = shadow(canvasElement);
    const myths = root.querySelector<HTMLElement>('[data-id="five-myths"]')!;
    await expect(myths.querySelector('[part~="title"]')).toHaveAttribute('lang', 'en');
    await expect(myths.querySelector('[part~="meta"]')).toHaveTextContent('Yn Saesneg');
    await userEvent.type(within(root as unknown as HTMLElement).getByLabelText('Chwilio’r adnoddau'), 'lles');
    await waitFor(() => expect(ids(canvasElement)).toContain('sample-gwyl-lles'));
    await waitFor(() => expect(root.querySelector('[role="status"]')).toHaveTextContent('4 o adnoddau'));
  },
};

/** `topic="wellbeing"`: a local authority's page about wellbeing starts filtered. */
export const PreFiltered: Story = {
  args: { topic: 'wellbeing' },
  play: async ({ canvasElement }) => {
    await loadedItems(canvasElement);
    await expect(ids(canvasElement)).toEqual([
      'positive-cultures',
      'sample-gwyl-lles',
      'greatest-contribution',
      'gwella',
    ]);
    await expect(shadow(canvasElement).querySelector<HTMLSelectElement>('#topic')!.value).toBe('wellbeing');
  },
};

/**
 * A local authority's own resources (`local`) beside the national ones: each
 * says where it is from, and "From" filters by publisher.
 */
export const LocalLayer: Story = {
  name: 'Local layer (local)',
  args: { src: NATIONAL, local: LOCAL },
  play: async ({ canvasElement, step }) => {
    await loadedItems(canvasElement);
    const root = within(shadow(canvasElement) as unknown as HTMLElement);
    const from = root.getByLabelText<HTMLSelectElement>('From');
    await expect([...from.options].map((option) => option.text.trim())).toEqual([
      'Everyone',
      'Cwm Derwen Council',
      'Social Care Wales',
    ]);
    await expect(root.getByRole('status')).toHaveTextContent('14 resources');
    await step('shows only the local resources, each marked with its publisher', async () => {
      await userEvent.selectOptions(from, 'local');
      await waitFor(() =>
        expect(ids(canvasElement)).toEqual([
          'cwm-derwen-leadership-programme',
          'cwm-derwen-supervision-guide',
          'cwm-derwen-wellbeing-service',
        ]),
      );
      await expect(root.getByRole('status')).toHaveTextContent('3 resources');
      const marks = shadow(canvasElement).querySelectorAll('[part~="from"]');
      await expect([...marks].map((mark) => mark.textContent?.replace(/\s+/g, ' ').trim())).toEqual(
        Array(3).fill('From: Cwm Derwen Council'),
      );
    });
    await step('shows only the national ones', async () => {
      await userEvent.selectOptions(from, 'national');
      await waitFor(() => expect(root.getByRole('status')).toHaveTextContent('11 resources'));
      await expect(shadow(canvasElement).querySelector('[part~="from"]')).toBeNull();
    });
  },
};

/** `from="local"`, in Welsh: a council's Welsh page starts with its own resources. */
export const LocalLayerPreFiltered: Story = {
  name: 'Local layer, from="local" (Welsh)',
  args: { src: NATIONAL, local: LOCAL, from: 'local', lang: 'cy' },
  play: async ({ canvasElement }) => {
    await loadedItems(canvasElement);
    const root = within(shadow(canvasElement) as unknown as HTMLElement);
    await expect(ids(canvasElement)).toHaveLength(3);
    await expect(root.getByRole('status')).toHaveTextContent('3 adnodd');
    const from = root.getByLabelText<HTMLSelectElement>('Oddi wrth');
    await expect(from.value).toBe('local');
    await expect(from.selectedOptions[0]!.text.trim()).toBe('Cyngor Cwm Derwen');
  },
};

/** `controls="none" limit="3"`: the three latest resources, a fixed list for a side panel. */
export const FixedList: Story = {
  name: 'Fixed list (controls="none")',
  args: { controls: 'none', limit: 3 },
  play: async ({ canvasElement }) => {
    await loadedItems(canvasElement);
    await expect(ids(canvasElement)).toEqual(['positive-cultures', 'sample-gwyl-lles', 'wcva-collective']);
    await expect(shadow(canvasElement).querySelector('form')).toBeNull();
  },
};

/** A feed with no resources. */
export const Empty: Story = {
  args: { src: '/fixtures/resource-list-empty.json' },
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await waitFor(() =>
      expect(root.querySelector('[part~="empty"]')).toHaveTextContent('There are no resources to show yet.'),
    );
  },
};

/**
 * A feed that takes two minutes to answer (the dev server's slow route), so
 * the loading state stays. In the static build there is no slow route: the
 * story shows the error state.
 */
export const Loading: Story = {
  args: { src: '/fixtures/slow/resource-list-feed.json?delay=120000&story=resource-list-loading' },
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
    await expectErrorPanel(root);
    await expect(within(canvasElement).getByRole('link', { name: /Social Care Wales website/ })).toBeVisible();
  },
};

/** The feed fails but a last good copy was saved earlier: the copy, under a notice with a retry button. */
export const Stale: Story = {
  args: { src: `${MISSING}?story=stale` },
  beforeEach: ({ args }) => saveLastGoodCopy(args.src, FEED, fixtureFeed),
  play: async ({ canvasElement }) => {
    await loadedItems(canvasElement);
    await expect(shadow(canvasElement).querySelector('[part~="stale"]')).toHaveTextContent('saved copy');
  },
};

/** A partner's colours and shapes through `--cl-*` custom properties and `::part`. */
export const Themed: Story = {
  render: (args) =>
    html`<style>
        .themed {
          --cl-color-accent: #6b2d5c;
          --cl-color-link: #6b2d5c;
          --cl-color-surface: #fdf7fb;
          --cl-color-border: #8c6a80;
          --cl-color-tag: #f1e4ee;
          --cl-radius: 12px;
          --cl-resource-gap: 1.5rem;
          --cl-font-family: Georgia, serif;
        }
        .themed::part(item) {
          box-shadow: 0 2px 6px rgb(0 0 0 / 0.15);
        }
      </style>
      <div class="themed">${meta.render(args)}</div>`,
  play: async ({ canvasElement }) => {
    const [first] = await loadedItems(canvasElement);
    await expect(getComputedStyle(first!).borderRadius).toBe('12px');
  },
};

/** 1,000 generated resources: only the current page is rendered, and typing stays instant. */
export const ThousandItems: Story = {
  name: '1,000 items',
  args: { src: '/fixtures/resource-list-1000.json' },
  play: async ({ canvasElement }) => {
    await loadedItems(canvasElement);
    const root = within(shadow(canvasElement) as unknown as HTMLElement);
    await expect(root.getByRole('status')).toHaveTextContent('1,000 resources');
    await userEvent.type(root.getByLabelText('Search resources'), 'resource 999 ');
    await waitFor(() => expect(ids(canvasElement)).toEqual(['generated-999']));
    await userEvent.click(root.getByRole('button', { name: 'Clear filters' }));
    await userEvent.click(root.getByRole('button', { name: 'Next' }));
    await waitFor(() => expect(root.getByText('Page 2 of 100')).toBeTruthy());
  },
};
