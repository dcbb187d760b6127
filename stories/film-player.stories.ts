import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import '../src/components/film-player/define.js';
import { localStore } from '../src/internal/storage.js';
import fixtureFeed from './fixtures/film-player-feed.json';
import { expectErrorPanel, expectLoadingState, saveLastGoodCopy } from './feed-states.js';

interface FilmPlayerArgs {
  src: string;
  film: string;
  captions: '' | 'en' | 'cy';
  lang: '' | 'en' | 'cy';
}

const FEED = '/fixtures/film-player-feed.json';
/** No such file: the store gets an error. Each story adds its own query so it has its own store entry. */
const MISSING = '/fixtures/film-player-missing.json';

const shadow = (canvasElement: HTMLElement): ShadowRoot => canvasElement.querySelector('cl-film-player')!.shadowRoot!;

/** Waits for the loaded player, so a play function never acts on the loading state. */
async function loaded(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const root = shadow(canvasElement);
  await waitFor(() => expect(root.querySelector('[part~="player"]')).toBeTruthy(), { timeout: 5000 });
  return root;
}

/** Testing Library queries an element: the widget's wrapper inside its shadow root. */
const inside = (root: ShadowRoot) => within(root.querySelector<HTMLElement>('[part~="base"]')!);

/** Consent is remembered per browser: every story starts and ends without it. */
function withoutConsent(): () => void {
  const clear = () => ['youtube', 'vimeo'].forEach((provider) => localStore.remove(`film-consent:${provider}`));
  clear();
  return clear;
}

const meta = {
  title: 'Widgets/cl-film-player',
  component: 'cl-film-player',
  args: { src: FEED, film: 'sample-film', captions: '', lang: '' },
  argTypes: {
    src: { control: 'text' },
    film: {
      control: 'select',
      options: ['', 'sample-film', 'fake-youtube', 'fake-vimeo', 'no-source', 'other-service', 'missing-file', 'nope'],
    },
    captions: { control: 'inline-radio', options: ['', 'en', 'cy'] },
    lang: { control: 'inline-radio', options: ['', 'en', 'cy'] },
  },
  beforeEach: withoutConsent,
  render: (args) =>
    html`<cl-film-player
      src=${args.src}
      film=${ifDefined(args.film || undefined)}
      captions=${ifDefined(args.captions || undefined)}
      lang=${ifDefined(args.lang || undefined)}
    >
      <p><a href="https://socialcare.wales/">The films on the Social Care Wales website</a></p>
    </cl-film-player>`,
} satisfies Meta<FilmPlayerArgs>;

export default meta;
type Story = StoryObj<FilmPlayerArgs>;

/** A self-hosted film: the facade, then a native video with English captions on. */
export const SelfHosted: Story = {
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    await userEvent.click(inside(root).getByRole('button', { name: 'Play: Sample film (made by this project)' }));
    const video = await waitFor(() => {
      const found = root.querySelector('video');
      expect(found).toBeTruthy();
      return found!;
    });
    await expect(root.activeElement).toBe(video);
    await waitFor(() =>
      expect([...video.textTracks].map((t) => `${t.language}:${t.mode}`)).toEqual(['en:showing', 'cy:disabled']),
    );
  },
};

/** A YouTube film (fake id): the notice first, then the youtube-nocookie player. Nothing loads from YouTube before "Play film". */
export const YouTube: Story = {
  name: 'YouTube',
  args: { film: 'fake-youtube' },
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    const view = inside(root);
    await userEvent.click(view.getByRole('button', { name: 'Play: A film on YouTube (fake id)' }));
    await expect(root.querySelector('iframe')).toBeNull();
    await expect(view.getByRole('group')).toHaveTextContent('This film is on YouTube');
    await expect(view.getByRole('link', { name: 'Watch on YouTube instead' })).toHaveAttribute(
      'href',
      'https://www.youtube.com/watch?v=FAKEid00001',
    );
    await userEvent.click(view.getByRole('button', { name: 'Play film' }));
    await waitFor(() =>
      expect(root.querySelector('iframe')?.src).toMatch(/^https:\/\/www\.youtube-nocookie\.com\/embed\/FAKEid00001\?/),
    );
  },
};

/** A Vimeo film (fake id); the choice is remembered, then forgotten. */
export const Vimeo: Story = {
  args: { film: 'fake-vimeo' },
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    const view = inside(root);
    await userEvent.click(view.getByRole('button', { name: 'Play: A film on Vimeo (fake id)' }));
    await userEvent.click(view.getByRole('checkbox', { name: 'Remember my choice for Vimeo' }));
    await userEvent.click(view.getByRole('button', { name: 'Play film' }));
    await waitFor(() =>
      expect(root.querySelector('iframe')?.src).toContain('https://player.vimeo.com/video/123456789?autoplay=1&dnt=1'),
    );
    await expect(localStore.get('film-consent:vimeo')).toBe(true);
    await userEvent.click(view.getByRole('button', { name: 'Forget my choice for Vimeo' }));
    await expect(localStore.get('film-consent:vimeo')).toBeUndefined();
  },
};

/** No `film`: the first film and a list of the feed's films to switch between. */
export const Playlist: Story = {
  args: { film: '' },
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    const items = [...root.querySelectorAll<HTMLButtonElement>('[part~="playlist-item"]')];
    await expect(items).toHaveLength(6);
    await expect(items[0]).toHaveAttribute('aria-current', 'true');
    items[1]!.focus();
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(items[1]).toHaveAttribute('aria-current', 'true'));
    await expect(root.querySelector('[part~="title"]')).toHaveTextContent('A film on YouTube (fake id)');
  },
};

/** The transcript under the player, naming the speakers. */
export const Transcript: Story = {
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    const transcript = root.querySelector<HTMLDetailsElement>('[part~="transcript"]')!;
    await userEvent.click(transcript.querySelector('summary')!);
    await expect(transcript.open).toBe(true);
    await expect(transcript).toHaveTextContent('Narrator: This is a short sample film.');
  },
};

/** Welsh: the UI, the title, the captions and the transcript; the English-only line is marked `lang="en"`. */
export const Welsh: Story = {
  args: { lang: 'cy' },
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    const view = inside(root);
    await expect(root.querySelector('[part~="transcript"] [lang="en"]')).toHaveTextContent(
      'It lets you try the player without the internet.',
    );
    await userEvent.click(view.getByRole('button', { name: 'Chwarae: Ffilm sampl (a wnaed gan y prosiect hwn)' }));
    const video = await waitFor(() => {
      const found = root.querySelector('video');
      expect(found).toBeTruthy();
      return found!;
    });
    await waitFor(() =>
      expect([...video.textTracks].map((t) => `${t.language}:${t.mode}`)).toEqual(['en:disabled', 'cy:showing']),
    );
  },
};

/** A YouTube film in Welsh: the notice and the player's caption language. */
export const WelshYouTube: Story = {
  name: 'Welsh YouTube',
  args: { lang: 'cy', film: 'fake-youtube' },
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    const view = inside(root);
    await userEvent.click(view.getByRole('button', { name: 'Chwarae: Ffilm ar YouTube (rhif ffug)' }));
    await expect(view.getByRole('group')).toHaveTextContent('Mae’r ffilm hon ar YouTube');
    await userEvent.click(view.getByRole('button', { name: 'Chwarae’r ffilm' }));
    await waitFor(() => expect(root.querySelector('iframe')?.src).toContain('cc_lang_pref=cy&hl=cy'));
  },
};

/** A film with no playable source: its poster or placeholder, and a link to the page that hosts it. */
export const NoSource: Story = {
  args: { film: 'no-source' },
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    await expect(inside(root).getByRole('link', { name: 'Watch this film on the page that hosts it' })).toBeVisible();
  },
};

/** The errors: a film id the feed does not have. */
export const UnknownFilm: Story = {
  args: { film: 'nope' },
  play: async ({ canvasElement }) => {
    const root = shadow(canvasElement);
    await waitFor(() =>
      expect(root.querySelector('[part~="error"]')).toHaveTextContent('There is no film “nope” in this feed.'),
    );
  },
};

/** The errors: a provider this version does not know. */
export const UnknownProvider: Story = {
  args: { film: 'other-service' },
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    await expect(root.querySelector('[part~="error"]')).toHaveTextContent('(dailymotion)');
  },
};

/** The errors: a self-hosted file that fails, with a link to the file. */
export const MissingFile: Story = {
  args: { film: 'missing-file' },
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    await userEvent.click(inside(root).getByRole('button', { name: 'Play: A film whose file is missing' }));
    await waitFor(() =>
      expect(root.querySelector('[part~="error"]')).toHaveTextContent('The film file could not be played.'),
    );
    await expect(inside(root).getByRole('link', { name: 'Open the film file' })).toBeVisible();
  },
};

/** The feed is slow: one busy status, and a placeholder of the player's size hidden from assistive technology. */
export const Loading: Story = {
  args: { src: '/fixtures/slow/film-player-feed.json?delay=120000&story=film-player-loading' },
  play: async ({ canvasElement }) => {
    await expectLoadingState(shadow(canvasElement));
  },
};

/** The feed cannot be loaded and there is no saved copy: the error panel, and the partner's own link below it. */
export const ErrorState: Story = {
  name: 'Error',
  args: { src: `${MISSING}?story=error` },
  play: async ({ canvasElement }) => {
    await expect(await expectErrorPanel(shadow(canvasElement))).toHaveTextContent('(404)');
    await expect(
      within(canvasElement).getByRole('link', { name: 'The films on the Social Care Wales website' }),
    ).toBeVisible();
  },
};

/** The feed fails but a last good copy was saved earlier: the film from the copy, under a notice with a retry button. */
export const Stale: Story = {
  args: { src: `${MISSING}?story=stale` },
  beforeEach: ({ args }) => saveLastGoodCopy(args.src, FEED, fixtureFeed),
  play: async ({ canvasElement }) => {
    const root = await loaded(canvasElement);
    await expect(root.querySelector('[part~="stale"]')).toHaveTextContent('saved copy');
  },
};
