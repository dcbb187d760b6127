import { expect, oneEvent } from '@open-wc/testing';
import { emulateMedia, resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import '../src/components/film-player/define.js';
import type { ClFilmPlayer } from '../src/components/film-player/film-player.js';
import { filmPlayerStrings } from '../src/components/film-player/film-player.strings.js';
import { builtInFeed } from '../src/feed/built-in.js';
import type { Feed } from '../src/feed/schema.js';
import { pick } from '../src/i18n/local-text.js';
import { localStore, STORAGE_PREFIX } from '../src/internal/storage.js';
import { builtEntryWithoutChunk } from './built-entry.js';
import {
  expectAccessible,
  expectFrameAccessible,
  expectNoOverflow,
  holdResponses,
  mediaEmulated,
  mock,
  mount,
  part,
  parts,
  requestCount,
  server,
  settled,
  tabTo,
  uniqueName,
  unmountAll,
  until,
  untilRequested,
  visibleText,
} from './harness.js';

const media = `${server}/test/fixtures/film-player`;
const YOUTUBE_ID = 'FAKEid00001';
const VIMEO_ID = '123456789';

/** Every kind of film the player handles; sources point at the project server. */
const feed = {
  version: 1,
  films: [
    {
      id: 'sample',
      title: { en: 'Sample film', cy: 'Ffilm sampl' },
      duration: 3,
      source: { provider: 'file', files: [{ src: `${media}/clip.webm`, type: 'video/webm' }] },
      captions: [
        { lang: 'en', src: `${media}/clip.en.vtt` },
        { lang: 'cy', src: `${media}/clip.cy.vtt` },
      ],
      transcript: [
        { speaker: 'Sue Evans', text: { en: 'A test pattern.', cy: 'Patrwm prawf.' } },
        { speaker: 'Michael West', text: { en: 'It plays for three seconds.' } },
        { speaker: { en: 'Narrator', cy: 'Adroddwr' }, text: { en: 'The end.', cy: 'Y diwedd.' } },
      ],
    },
    {
      id: 'on-youtube',
      title: { en: 'A YouTube film', cy: 'Ffilm YouTube' },
      duration: 185,
      source: { provider: 'youtube', id: YOUTUBE_ID },
    },
    { id: 'on-vimeo', title: 'A Vimeo film', source: { provider: 'vimeo', id: VIMEO_ID } },
    {
      id: 'no-source',
      title: 'A film elsewhere',
      description: { en: 'Leaders describe the principles.' },
      speakers: [
        {
          name: 'Sue Evans',
          role: { en: 'Chief Executive, Social Care Wales', cy: 'Prif Weithredwr, Gofal Cymdeithasol Cymru' },
        },
        { name: 'Alex Howells' },
        { name: { en: 'Narrator', cy: 'Adroddwr' }, role: { en: 'Sample voice', cy: 'Llais sampl' } },
      ],
      poster: `${media}/poster.jpg`,
      url: 'https://example.org/films/elsewhere',
    },
    {
      id: 'other-host',
      title: 'A film on another service',
      source: { provider: 'dailymotion' },
      url: 'https://example.org/films/other',
    },
    {
      id: 'broken',
      title: 'A missing file',
      source: { provider: 'file', files: [{ src: `${media}/missing.webm`, type: 'video/webm' }] },
    },
  ],
};

let feedUrl: string;
before(async () => {
  feedUrl = await mock(uniqueName('film-feed'), { body: feed });
});

afterEach(() => {
  unmountAll();
  localStore.remove('film-consent:youtube');
  localStore.remove('film-consent:vimeo');
});

/** The accessible name the play button's hidden span carries. */
const playName = (element: ClFilmPlayer): string =>
  part(element, 'play-button').querySelector('.cl-visually-hidden')!.textContent!;

const iframeOf = (element: ClFilmPlayer): HTMLIFrameElement | null => element.shadowRoot!.querySelector('iframe');

/** The notice's "Play film" button. */
const consentButton = (notice: HTMLElement): HTMLButtonElement => notice.querySelector('button')!;

describe('<cl-film-player>', () => {
  describe('before play', () => {
    it('shows a facade with a real play button named after the film, and loads no media', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="sample"></cl-film-player>`),
      );
      const button = part(element, 'play-button');
      expect(button.localName).to.equal('button');
      expect(playName(element)).to.equal('Play: Sample film');
      expect(button.querySelector('[aria-hidden="true"]')!.textContent).to.equal('▶ Play');
      expect(visibleText(part(element, 'title'))).to.equal('Sample film');
      expect(element.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('PT3S');
      expect(part(element, 'poster').classList.contains('placeholder')).to.equal(true);
      expect(element.shadowRoot!.querySelector('video, iframe')).to.equal(null);
      await expectAccessible(element);
    });

    it('says it in Welsh', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="on-youtube" lang="cy"></cl-film-player>`),
      );
      expect(playName(element)).to.equal('Chwarae: Ffilm YouTube');
      expect(visibleText(element.shadowRoot!.querySelector('.meta')!)).to.equal('Ffilm YouTube Hyd: 3:05');
      await expectAccessible(element);
    });

    it('marks an English-only title inside a Welsh widget with lang="en"', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="on-vimeo" lang="cy"></cl-film-player>`),
      );
      expect(part(element, 'title').getAttribute('lang')).to.equal('en');
      expect(part(element, 'play-button').querySelector('[lang="en"]')!.textContent).to.equal('A Vimeo film');
    });

    it('reserves the 16:9 box and the title line while the feed is on its way, so nothing below moves', async () => {
      const url = await mock(uniqueName('film-held'), { body: feed });
      const hold = holdResponses(url);
      try {
        const element = await mount<ClFilmPlayer>(`<cl-film-player src="${url}" film="on-youtube"></cl-film-player>`, {
          width: '320px',
        });
        await until(() => hold.held() === 1, 'the feed request to be answered and held');
        await element.updateComplete;
        expect(part(element, 'loading').getAttribute('aria-busy')).to.equal('true');
        const skeleton = element.shadowRoot!.querySelector<HTMLElement>('.cl-skeleton.player')!;
        expect(skeleton.getBoundingClientRect().height).to.be.closeTo(180, 1);
        const loadingHeight = element.getBoundingClientRect().height;
        hold.release();
        await settled(element);
        expect(part(element, 'player').getBoundingClientRect().height).to.be.closeTo(180, 1);
        expect(element.getBoundingClientRect().height).to.be.closeTo(loadingHeight, 1);
      } finally {
        hold.restore();
      }
    });

    it('uses the feed’s poster when it has one', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="no-source"></cl-film-player>`),
      );
      const poster = part(element, 'poster') as HTMLImageElement;
      expect(poster.localName).to.equal('img');
      expect(poster.src).to.equal(`${media}/poster.jpg`);
      expect(poster.alt).to.equal('');
    });
  });

  describe('a self-hosted film', () => {
    it('plays for real from the keyboard, with focus on the video and English captions on', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="sample"></cl-film-player>`),
      );
      await tabTo(part(element, 'play-button'));
      const played = oneEvent(element, 'cl-film-play');
      await sendKeys({ press: 'Enter' });
      expect((await played).detail).to.deep.equal({ id: 'sample', provider: 'file' });
      const video = part(element, 'video') as HTMLVideoElement;
      expect(element.shadowRoot!.activeElement).to.equal(video);
      expect(video.controls).to.equal(true);
      expect(video.crossOrigin).to.equal('anonymous');
      const tracks = [...video.textTracks];
      // The browser picks the default track a task after the video is in place.
      const modes = () => tracks.map((track) => `${track.language}:${track.mode}`).join();
      await until(() => modes() === 'en:showing,cy:disabled', 'English captions on');
      await until(() => video.currentTime > 0.5, 'the film to play');
      await until(() => tracks[0]!.cues && tracks[0]!.cues.length === 2, 'the English captions to load');
      await expectAccessible(element);
    });

    it('fires cl-film-ended when the film ends', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="sample"></cl-film-player>`),
      );
      await tabTo(part(element, 'play-button'));
      const ended = oneEvent(element, 'cl-film-ended');
      await sendKeys({ press: 'Enter' });
      expect((await ended).detail).to.deep.equal({ id: 'sample' });
    });

    it('shows Welsh captions in a Welsh widget and switches with the captions attribute', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="sample" lang="cy"></cl-film-player>`),
      );
      part(element, 'play-button').click();
      const video = await until(() => parts(element, 'video')[0] as HTMLVideoElement | undefined, 'the video');
      const modes = () => [...video.textTracks].map((track) => `${track.language}:${track.mode}`);
      await until(() => modes().join() === 'en:disabled,cy:showing', 'Welsh captions');
      element.captions = 'en';
      await until(() => modes().join() === 'en:showing,cy:disabled', 'English captions');
      await until(() => video.textTracks[0]!.cues?.length === 2, 'the English cues');
      expect(video.textTracks[0]!.cues![0]!.startTime).to.equal(0);
      await expectAccessible(element);
    });

    for (const [lang, text] of [
      ['en', 'could not be played'],
      ['cy', 'Nid oedd modd chwarae'],
    ] as const) {
      it(`says so, with a link to the file, when the file fails (${lang})`, async () => {
        const element = await settled(
          await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="broken" lang="${lang}"></cl-film-player>`),
        );
        part(element, 'play-button').click();
        const error = await until(() => parts(element, 'error')[0], 'the error');
        expect(error.getAttribute('role')).to.equal('alert');
        expect(visibleText(error)).to.contain(text);
        expect(error.querySelector('a')!.href).to.equal(`${media}/missing.webm`);
        await expectAccessible(element);
      });
    }
  });

  describe('a third-party film', () => {
    it('asks first, then injects the YouTube player with focus in it', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="on-youtube"></cl-film-player>`),
      );
      const consented = oneEvent(element, 'cl-film-consent');
      part(element, 'play-button').click();
      const notice = await until(() => parts(element, 'notice')[0], 'the notice');
      await until(() => element.shadowRoot!.activeElement === notice, 'focus on the notice');
      expect(visibleText(notice)).to.contain('This film is on YouTube, which may set cookies');
      expect(notice.querySelector('a')!.href).to.equal(`https://www.youtube.com/watch?v=${YOUTUBE_ID}`);
      expect(iframeOf(element)).to.equal(null);
      await expectAccessible(element);
      expect(visibleText(consentButton(notice))).to.equal('Play film');
      consentButton(notice).click();
      expect((await consented).detail).to.deep.equal({ provider: 'youtube' });
      const iframe = await until(() => iframeOf(element), 'the iframe');
      const src = new URL(iframe.src);
      expect(src.origin + src.pathname).to.equal(`https://www.youtube-nocookie.com/embed/${YOUTUBE_ID}`);
      expect(Object.fromEntries(src.searchParams)).to.deep.equal({
        autoplay: '1',
        rel: '0',
        cc_load_policy: '1',
        cc_lang_pref: 'en',
        hl: 'en',
      });
      expect(iframe.title).to.equal('A YouTube film');
      expect(iframe.referrerPolicy).to.equal('strict-origin-when-cross-origin');
      expect(iframe.allow).to.contain('autoplay');
      await until(() => element.shadowRoot!.activeElement === iframe, 'focus in the iframe');
      expect(localStore.get('film-consent:youtube')).to.equal(undefined);
      expect(parts(element, 'forget')).to.deep.equal([]);
    });

    it('asks in Welsh and passes Welsh to the Vimeo player', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="on-vimeo" lang="cy"></cl-film-player>`),
      );
      part(element, 'play-button').click();
      const notice = await until(() => parts(element, 'notice')[0], 'the notice');
      expect(visibleText(notice))
        .to.contain('Mae’r ffilm hon ar Vimeo, a allai osod cwcis')
        .and.contain('Cofio fy newis ar gyfer Vimeo');
      await expectAccessible(element);
      consentButton(notice).click();
      const iframe = await until(() => iframeOf(element), 'the iframe');
      const src = new URL(iframe.src);
      expect(src.origin + src.pathname).to.equal(`https://player.vimeo.com/video/${VIMEO_ID}`);
      expect(src.searchParams.get('dnt')).to.equal('1');
      expect(src.searchParams.get('texttrack')).to.equal('cy');
      await expectAccessible(element);
    });

    it('works by keyboard alone, remembers the choice, and forgets it', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="on-youtube"></cl-film-player>`),
      );
      await tabTo(part(element, 'play-button'));
      await sendKeys({ press: 'Enter' });
      const notice = await until(() => parts(element, 'notice')[0], 'the notice');
      await until(() => element.shadowRoot!.activeElement === notice, 'focus on the notice');
      await sendKeys({ press: 'Tab' });
      const checkbox = notice.querySelector('input')!;
      expect(element.shadowRoot!.activeElement).to.equal(checkbox);
      // ' ' rather than 'Space': Firefox's WebDriver BiDi keyboard knows only the character.
      await sendKeys({ press: ' ' });
      expect(checkbox.checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement).to.equal(consentButton(notice));
      await sendKeys({ press: 'Enter' });
      const iframe = await until(() => iframeOf(element), 'the iframe');
      await until(() => element.shadowRoot!.activeElement === iframe, 'focus in the iframe');
      expect(localStore.get('film-consent:youtube')).to.equal(true);
      await expectAccessible(element);

      // A second player plays at once, and offers to forget.
      const again = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="on-youtube" lang="cy"></cl-film-player>`),
      );
      expect(visibleText(part(again, 'forget'))).to.equal('Anghofio fy newis ar gyfer YouTube');
      await expectAccessible(again);
      part(again, 'play-button').click();
      await until(() => iframeOf(again), 'the iframe at once');
      expect(parts(again, 'notice')).to.deep.equal([]);
      // The next key presses start from the page, not inside a player's cross-origin frame, where Chromium's
      // automation now and then loses a key press (see the runner's concurrency note).
      element.remove();
      again.remove();

      const third = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="on-youtube"></cl-film-player>`),
      );
      await tabTo(part(third, 'forget'));
      await sendKeys({ press: 'Enter' });
      await until(() => parts(third, 'forget').length === 0, 'the forget button to go');
      expect(localStore.get('film-consent:youtube')).to.equal(undefined);
      expect(third.shadowRoot!.activeElement).to.equal(part(third, 'play-button'));
      await sendKeys({ press: 'Enter' });
      await until(() => parts(third, 'notice')[0], 'the notice again');
    });

    for (const [remembered, rememberedFilm, other, otherFilm, lang, otherNotice] of [
      ['youtube', 'on-youtube', 'vimeo', 'on-vimeo', 'en', 'This film is on Vimeo'],
      ['vimeo', 'on-vimeo', 'youtube', 'on-youtube', 'cy', 'Mae’r ffilm hon ar YouTube'],
    ] as const) {
      it(`remembers consent per provider: remembering ${remembered} never starts ${other} (${lang})`, async () => {
        const first = await settled(
          await mount<ClFilmPlayer>(
            `<cl-film-player src="${feedUrl}" film="${rememberedFilm}" lang="${lang}"></cl-film-player>`,
          ),
        );
        part(first, 'play-button').click();
        const notice = await until(() => parts(first, 'notice')[0], 'the first notice');
        notice.querySelector('input')!.click();
        consentButton(notice).click();
        await until(() => iframeOf(first), 'the first player');
        expect(localStore.get(`film-consent:${remembered}`)).to.equal(true);

        const element = await settled(
          await mount<ClFilmPlayer>(
            `<cl-film-player src="${feedUrl}" film="${otherFilm}" lang="${lang}"></cl-film-player>`,
          ),
        );
        expect(parts(element, 'forget')).to.deep.equal([]);
        part(element, 'play-button').click();
        const otherNoticeShown = await until(() => parts(element, 'notice')[0], `the ${other} notice`);
        expect(visibleText(otherNoticeShown)).to.contain(otherNotice);
        expect(iframeOf(element)).to.equal(null);
        expect(localStore.get(`film-consent:${other}`)).to.equal(undefined);
        await expectAccessible(element);
      });
    }

    it('works with storage blocked, holding the remembered choice in memory for the page’s life', async () => {
      const blocked = () => {
        throw new DOMException('blocked', 'SecurityError');
      };
      const { getItem, setItem, removeItem } = Storage.prototype;
      Object.assign(Storage.prototype, { getItem: blocked, setItem: blocked, removeItem: blocked });
      try {
        // A feed no test has loaded yet, so the store's saved copy (also blocked) is in play too.
        const url = await mock(uniqueName('film-blocked'), { body: feed });
        const element = await settled(
          await mount<ClFilmPlayer>(`<cl-film-player src="${url}" film="on-youtube"></cl-film-player>`),
        );
        const consented = oneEvent(element, 'cl-film-consent');
        part(element, 'play-button').click();
        const notice = await until(() => parts(element, 'notice')[0], 'the notice');
        notice.querySelector('input')!.click();
        consentButton(notice).click();
        expect((await consented).detail).to.deep.equal({ provider: 'youtube' });
        await until(() => iframeOf(element), 'the iframe');

        // Another player on the same page remembers the choice from memory.
        const again = await settled(
          await mount<ClFilmPlayer>(`<cl-film-player src="${url}" film="on-youtube" lang="cy"></cl-film-player>`),
        );
        expect(visibleText(part(again, 'forget'))).to.equal('Anghofio fy newis ar gyfer YouTube');
        await expectAccessible(again);
        part(again, 'play-button').click();
        await until(() => iframeOf(again), 'the iframe at once');
        expect(parts(again, 'notice')).to.deep.equal([]);
      } finally {
        Object.assign(Storage.prototype, { getItem, setItem, removeItem });
      }
      // Nothing reached Web Storage.
      expect(localStorage.getItem(`${STORAGE_PREFIX}film-consent:youtube`)).to.equal(null);
    });

    it('fits the notice in 320 px, growing the box rather than overflowing', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="on-youtube" lang="cy"></cl-film-player>`, {
          width: '320px',
        }),
      );
      part(element, 'play-button').click();
      await until(() => parts(element, 'notice')[0], 'the notice');
      expect(part(element, 'player').getBoundingClientRect().height).to.be.above(180);
      expectNoOverflow(element);
    });

    it('puts nothing from another host in the page, not even a preconnect, before consent', async () => {
      const since = performance.now();
      const origins = new Set([location.origin, new URL(server).origin]);
      const youtube = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="on-youtube"></cl-film-player>`),
      );
      const vimeo = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="on-vimeo" lang="cy"></cl-film-player>`),
      );
      part(youtube, 'play-button').click();
      part(vimeo, 'play-button').click();
      await until(() => parts(youtube, 'notice')[0] && parts(vimeo, 'notice')[0], 'both notices');
      // Whatever would reach another host (an iframe, a preconnect link, an image, a script) is markup first.
      const thirdPartyMarkup = (root: ParentNode) =>
        [...root.querySelectorAll('iframe, link, img, script')].filter((el) =>
          /youtube|vimeo|ytimg/.test(el.outerHTML),
        );
      expect([
        ...thirdPartyMarkup(document),
        ...thirdPartyMarkup(youtube.shadowRoot!),
        ...thirdPartyMarkup(vimeo.shadowRoot!),
      ]).to.deep.equal([]);
      const thirdPartyRequests = performance
        .getEntriesByType('resource')
        .filter((entry) => entry.startTime >= since && !origins.has(new URL(entry.name).origin))
        .map((entry) => entry.name);
      expect(thirdPartyRequests).to.deep.equal([]);
    });
  });

  describe('films that cannot be played here', () => {
    it('links to the film’s page when it has no source', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="no-source"></cl-film-player>`),
      );
      const error = part(element, 'error');
      expect(visibleText(error)).to.contain('cannot be played here');
      expect(error.querySelector('a')!.href).to.equal('https://example.org/films/elsewhere');
      await expectAccessible(element);
    });

    it('says what the film is and who speaks, marking English-only text in a Welsh widget', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="no-source" lang="cy"></cl-film-player>`),
      );
      const description = part(element, 'description');
      expect(visibleText(description)).to.equal('Leaders describe the principles.');
      expect(description.querySelector('span')!.getAttribute('lang')).to.equal('en');
      const speakers = part(element, 'speakers');
      expect(visibleText(speakers)).to.equal(
        'Siaradwyr: Sue Evans (Prif Weithredwr, Gofal Cymdeithasol Cymru); Alex Howells; Adroddwr (Llais sampl)',
      );
      expect(speakers.querySelector('[lang]')).to.equal(null);
      await expectAccessible(element);
    });

    for (const lang of ['en', 'cy']) {
      it(`names an unknown provider (${lang})`, async () => {
        const element = await settled(
          await mount<ClFilmPlayer>(
            `<cl-film-player src="${feedUrl}" film="other-host" lang="${lang}"></cl-film-player>`,
          ),
        );
        const error = part(element, 'error');
        expect(visibleText(error)).to.contain('(dailymotion)');
        expect(error.querySelector('a')!.href).to.equal('https://example.org/films/other');
        expect(parts(element, 'play-button')).to.deep.equal([]);
        await expectAccessible(element);
      });
    }

    for (const [lang, text] of [
      ['en', 'There is no film “nope” in this feed.'],
      ['cy', 'Nid oes ffilm “nope” yn y ffrwd hon.'],
    ] as const) {
      it(`names an unknown film id (${lang})`, async () => {
        const element = await settled(
          await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="nope" lang="${lang}"></cl-film-player>`),
        );
        expect(visibleText(part(element, 'error'))).to.equal(text);
        await expectAccessible(element);
      });
    }

    it('says when the feed has no films', async () => {
      const empty = await mock(uniqueName('film-empty'), { body: { version: 1, films: [] } });
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${empty}" lang="cy"></cl-film-player>`),
      );
      expect(visibleText(part(element, 'error'))).to.equal('Nid oes ffilmiau eto.');
      await expectAccessible(element);
    });
  });

  describe('playlist and transcript', () => {
    for (const [lang, label, second] of [
      ['en', '6 films', 'A YouTube film'],
      ['cy', '6 ffilm', 'Ffilm YouTube'],
    ] as const) {
      it(`lists the films, marks the current one and switches by keyboard (${lang})`, async () => {
        const element = await settled(
          await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" lang="${lang}"></cl-film-player>`),
        );
        const list = part(element, 'playlist');
        expect(list.getAttribute('aria-label')).to.equal(label);
        const items = parts(element, 'playlist-item');
        expect(items.map((b) => b.getAttribute('aria-current'))).to.deep.equal(['true', null, null, null, null, null]);
        await expectAccessible(element);
        await tabTo(items[1]!);
        await sendKeys({ press: 'Enter' });
        await until(() => items[1]!.getAttribute('aria-current') === 'true', 'the second film to be current');
        expect(items[0]!.hasAttribute('aria-current')).to.equal(false);
        expect(visibleText(part(element, 'title'))).to.equal(second);
        expect(element.shadowRoot!.activeElement).to.equal(items[1]);
        await expectAccessible(element);
      });
    }

    it('reflects film and captions set as properties to their attributes', async () => {
      const element = await settled(await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}"></cl-film-player>`));
      element.film = 'on-youtube';
      element.captions = 'cy';
      await element.updateComplete;
      expect(element.getAttribute('film')).to.equal('on-youtube');
      expect(element.getAttribute('captions')).to.equal('cy');
      expect(visibleText(part(element, 'title'))).to.equal('A YouTube film');
    });

    it('leaves the author’s attributes alone when the reader picks a film from the list', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" captions="cy"></cl-film-player>`),
      );
      const items = parts(element, 'playlist-item');
      await tabTo(items[1]!);
      await sendKeys({ press: 'Enter' });
      await until(() => items[1]!.getAttribute('aria-current') === 'true', 'the second film to be current');
      expect(element.hasAttribute('film')).to.equal(false);
      expect(element.getAttribute('captions')).to.equal('cy');
    });

    it('keeps the unbulleted playlist a list for assistive technology (role="list")', async () => {
      const element = await settled(await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}"></cl-film-player>`));
      const list = part(element, 'playlist');
      expect(getComputedStyle(list).listStyleType).to.equal('none');
      expect(list.getAttribute('role')).to.equal('list');
    });

    it('shows no list for one film', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="sample"></cl-film-player>`),
      );
      expect(parts(element, 'playlist')).to.deep.equal([]);
    });

    it('shows the transcript in the caption language, naming the speakers', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="sample" lang="cy"></cl-film-player>`),
      );
      const transcript = part(element, 'transcript') as HTMLDetailsElement;
      const summary = transcript.querySelector('summary')!;
      expect(visibleText(summary)).to.equal('Trawsgrifiad');
      expect(visibleText(transcript)).to.equal('Trawsgrifiad');
      await tabTo(summary);
      await sendKeys({ press: 'Enter' });
      expect(transcript.open).to.equal(true);
      const lines = [...transcript.querySelectorAll('p')];
      expect(lines.map(visibleText)).to.deep.equal([
        'Sue Evans: Patrwm prawf.',
        'Michael West: It plays for three seconds.',
        'Adroddwr: Y diwedd.',
      ]);
      expect(lines[0]!.querySelector('[lang]')).to.equal(null);
      expect(lines[1]!.querySelector('[lang="en"]')).to.not.equal(null);
      await expectAccessible(element);
      element.captions = 'en';
      await element.updateComplete;
      expect([...transcript.querySelectorAll('p')].map(visibleText)).to.deep.equal([
        'Sue Evans: A test pattern.',
        'Michael West: It plays for three seconds.',
        'Narrator: The end.',
      ]);
      expect(transcript.querySelector('p [lang="en"]')).to.not.equal(null);
    });
  });

  if (!mediaEmulated) {
    it('no motion emulation over WebDriver: animates the play button with no preference, and the reduce case has no transition rule', async () => {
      expect(matchMedia('(prefers-reduced-motion: no-preference)').matches, 'the browser’s default').to.equal(true);
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="sample"></cl-film-player>`),
      );
      expect(getComputedStyle(part(element, 'play-button')).transitionDuration).to.equal('0.15s');
      // The only transition sits inside the no-preference rule, so "reduce" leaves none.
      const button = part(element, 'play-button');
      const rules = element.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
      const withCondition = rules.flatMap((rule) =>
        rule instanceof CSSMediaRule
          ? [...rule.cssRules].map((inner) => [rule.conditionText, inner] as const)
          : [['', rule] as const],
      );
      const animating = withCondition.filter(
        ([, rule]) =>
          rule instanceof CSSStyleRule && button.matches(rule.selectorText) && rule.style.transitionDuration !== '',
      );
      expect(animating.map(([condition]) => condition)).to.deep.equal(['(prefers-reduced-motion: no-preference)']);
    });
  } else {
    it('honours prefers-reduced-motion (emulated): no transition with reduce, 0.15 s with no preference', async () => {
      const element = await settled(
        await mount<ClFilmPlayer>(`<cl-film-player src="${feedUrl}" film="sample"></cl-film-player>`),
      );
      const button = part(element, 'play-button');
      try {
        await emulateMedia({ reducedMotion: 'reduce' });
        expect(getComputedStyle(button).transitionDuration).to.equal('0s');
        await emulateMedia({ reducedMotion: 'no-preference' });
        expect(getComputedStyle(button).transitionDuration).to.equal('0.15s');
      } finally {
        await emulateMedia({ reducedMotion: 'no-preference' });
      }
    });
  }

  it('shows the built-in feed with no attributes: its films link to their pages, nothing loads from another host', async () => {
    // The built-in feed's films are on other sites (no source): the first one's page, and the list of all.
    const builtIn = (await (await fetch(builtInFeed()!)).json()) as Feed;
    const first = builtIn.films[0]!;
    expect(first.source, 'the built-in feed’s first film has no source').to.equal(undefined);
    const element = await settled(await mount<ClFilmPlayer>('<cl-film-player></cl-film-player>'));
    expect(visibleText(part(element, 'title'))).to.equal(pick(first.title, 'en').text);
    const error = part(element, 'error');
    expect(visibleText(error)).to.contain('cannot be played here');
    expect(error.querySelector('a')!.href).to.equal(new URL(pick(first.url!, 'en').text, builtInFeed()).href);
    expect(parts(element, 'play-button')).to.deep.equal([]);
    expect(parts(element, 'playlist-item')).to.have.length(builtIn.films.length);
    expect(element.shadowRoot!.querySelector('iframe, video')).to.equal(null);
    await expectAccessible(element);
  });
});

/*
 * The minified CDN entry (dist/cdn, built by `npm run build`) on a partner
 * page: the build minifies the templates, which once dropped the space before
 * a speaker's role ("Narrator(Sample voice)") while the source, tested above,
 * showed it.
 */
describe('<cl-film-player> from the built CDN entry', () => {
  for (const [lang, text] of [
    ['en', 'Speakers: Sue Evans (Chief Executive, Social Care Wales); Alex Howells; Narrator (Sample voice)'],
    ['cy', 'Siaradwyr: Sue Evans (Prif Weithredwr, Gofal Cymdeithasol Cymru); Alex Howells; Adroddwr (Llais sampl)'],
  ] as const) {
    it(`names the speakers with a space before each role (${lang})`, async () => {
      const frame = document.createElement('iframe');
      frame.style.width = '800px';
      frame.style.height = '600px';
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.src = `/test/fixtures/entries/widget-in-feed.html?widget=film-player&feed=${encodeURIComponent(feedUrl)}`;
      document.body.append(frame);
      try {
        await loaded;
        const player = frame.contentDocument!.querySelector('cl-film-player')!;
        player.setAttribute('lang', lang);
        player.setAttribute('film', 'no-source');
        const label = text.slice(0, text.indexOf(':') + 1);
        const speakers = await until(() => {
          const found = player.shadowRoot?.querySelector<HTMLElement>('[part~="speakers"]');
          return found && visibleText(found).startsWith(label) ? found : undefined;
        }, `the speakers line in ${lang}`);
        expect(visibleText(speakers)).to.equal(text);
        expect(speakers.innerText).to.equal(text);
        await expectFrameAccessible(frame.contentWindow!);
      } finally {
        frame.remove();
      }
    });
  }
});

/*
 * The player code (the notice, the iframe, the video: film-player.lazy.ts)
 * loads on a reader's intent. Each test has the built CDN entry (dist/cdn,
 * built by `npm run build`) of its own, so its player chunk is a fresh module
 * at an address of its own on the project's server, answered when the test
 * says: held, served, or missing.
 */
describe('<cl-film-player> loading its player code on intent (the built CDN entry)', () => {
  interface BuiltPlayer {
    tag: string;
    /** The chunk's path on the server, for `requestCount`. */
    path: string;
    /** Requests for the chunk before the entry ran (the copy checks it is missing). */
    before: number;
    /** Answers the chunk's requests with the built chunk. */
    serve(): Promise<void>;
    /** Answers them with the built chunk only once `release()` is called. */
    hold(): Promise<void>;
    release(): Promise<void>;
  }

  /** A fresh copy of the built entry under a tag of its own; its player chunk answers nothing until told (404). */
  async function builtPlayer(): Promise<BuiltPlayer> {
    const { entry, missing } = await builtEntryWithoutChunk('film-player.js', 'film-player.lazy');
    const path = new URL(missing).pathname;
    // Counted before the entry runs, so a load when the entry runs counts too.
    const before = await requestCount(path);
    const built = (await import(entry)) as { ClFilmPlayer: typeof ClFilmPlayer };
    // Under its own name: <cl-film-player> is already this page's source build.
    const tag = uniqueName('cl-film-player-built');
    customElements.define(tag, class extends built.ClFilmPlayer {});
    const chunk = await (await fetch(`${server}/dist/cdn/chunks/${missing.split('/').pop()!}`)).text();
    const name = missing.slice(`${server}/__test__/mock/`.length);
    const gate = uniqueName('film-player-chunk-gate');
    const answer = { body: chunk, headers: { 'Content-Type': 'text/javascript; charset=utf-8' } };
    return {
      tag,
      path,
      before,
      serve: async () => {
        await mock(name, answer);
      },
      hold: async () => {
        await mock(name, { ...answer, holdUntil: gate });
      },
      release: async () => {
        await mock(gate, {});
      },
    };
  }

  const mountBuilt = async (built: BuiltPlayer, attributes: string) =>
    settled(await mount<ClFilmPlayer>(`<${built.tag} src="${feedUrl}" ${attributes}></${built.tag}>`));

  /** How many times the page asked for the player chunk since the widget was mounted. */
  const chunkRequests = async (built: BuiltPlayer) => (await requestCount(built.path)) - built.before;

  /** Waits until the server has seen the chunk asked for since the widget was mounted. */
  const chunkRequested = (built: BuiltPlayer, what: string) => untilRequested(built.path, built.before, what);

  /** The reader's own pointer over the element (real mouse events, not dispatched ones). */
  async function pointTo(element: HTMLElement): Promise<void> {
    const box = element.getBoundingClientRect();
    await sendMouse({
      type: 'move',
      position: [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)],
    });
  }

  afterEach(() => resetMouse());

  it('asks for no player code before any intent, for a YouTube film or a file', async () => {
    const built = await builtPlayer();
    await built.serve();
    const since = performance.now();
    const youtube = await mountBuilt(built, 'film="on-youtube"');
    const file = await mountBuilt(built, 'film="sample"');
    // Both facades are in place, with a poster and a play button, and the pointer is elsewhere.
    expect(parts(youtube, 'play-button').length + parts(file, 'play-button').length).to.equal(2);
    const resources = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime >= since && entry.name.includes(built.path));
    expect(resources.length).to.equal(0);
    expect(await chunkRequests(built)).to.equal(0);
  });

  it('starts loading it when the pointer comes over the play button', async () => {
    const built = await builtPlayer();
    await built.hold();
    const element = await mountBuilt(built, 'film="on-youtube"');
    await pointTo(part(element, 'play-button'));
    await chunkRequested(built, 'the player chunk to be requested');
    // Intent alone changes nothing the reader sees.
    expect(parts(element, 'notice').length).to.equal(0);
    await built.release();
  });

  it('starts loading it when the play button takes focus', async () => {
    const built = await builtPlayer();
    await built.hold();
    const element = await mountBuilt(built, 'film="sample"');
    await tabTo(part(element, 'play-button'));
    await chunkRequested(built, 'the player chunk to be requested');
    expect(parts(element, 'video').length).to.equal(0);
    await built.release();
  });

  it('acts on a press made while the code is on its way, once it arrives: the notice, with focus on it', async () => {
    const built = await builtPlayer();
    await built.hold();
    const element = await mountBuilt(built, 'film="on-youtube"');
    const consents: string[] = [];
    element.addEventListener('cl-film-consent', (event) => consents.push(event.detail.provider));
    await tabTo(part(element, 'play-button'));
    await chunkRequested(built, 'the player chunk to be requested and held');
    await sendKeys({ press: 'Enter' });
    expect(parts(element, 'notice').length, 'no notice while the code is held').to.equal(0);
    await built.release();
    const notice = await until(() => parts(element, 'notice')[0], 'the notice after one press');
    await until(() => element.shadowRoot!.activeElement === notice, 'focus on the notice');
    expect(iframeOf(element) === null).to.equal(true);
    expect(consents).to.deep.equal([]);
    expect(await chunkRequests(built)).to.equal(1);
    await expectAccessible(element);
  });

  it('plays a self-hosted film pressed while its code was held, with one press and focus on the video', async () => {
    const built = await builtPlayer();
    await built.hold();
    const element = await mountBuilt(built, 'film="sample"');
    await tabTo(part(element, 'play-button'));
    await chunkRequested(built, 'the player chunk to be requested and held');
    const played = oneEvent(element, 'cl-film-play');
    await sendKeys({ press: 'Enter' });
    await built.release();
    expect((await played).detail).to.deep.equal({ id: 'sample', provider: 'file' });
    const video = part(element, 'video') as HTMLVideoElement;
    expect(element.shadowRoot!.activeElement === video).to.equal(true);
    await until(() => video.currentTime > 0.5, 'the film to play');
  });

  it('plays at once a provider whose consent is remembered, pressed while the code was held', async () => {
    localStore.set('film-consent:youtube', true);
    const built = await builtPlayer();
    await built.hold();
    const element = await mountBuilt(built, 'film="on-youtube"');
    expect(parts(element, 'forget').length).to.equal(1);
    part(element, 'play-button').click();
    await chunkRequested(built, 'the player chunk to be requested and held');
    await built.release();
    const iframe = await until(() => iframeOf(element), 'the iframe after one press');
    await until(() => element.shadowRoot!.activeElement === iframe, 'focus in the iframe');
    expect(parts(element, 'notice').length).to.equal(0);
  });

  for (const lang of ['en', 'cy'] as const) {
    it(`says so with the film's link when the code cannot be loaded, and a second press tries again (${lang})`, async () => {
      const built = await builtPlayer();
      const element = await mountBuilt(built, `film="on-youtube" lang="${lang}"`);
      await tabTo(part(element, 'play-button'));
      await sendKeys({ press: 'Enter' });
      const error = await until(() => parts(element, 'error')[0], 'the error');
      expect(error.getAttribute('role')).to.equal('alert');
      expect(visibleText(error)).to.contain(filmPlayerStrings.loadFailed[lang]);
      const link = error.querySelector('a');
      expect(link?.href).to.equal(`https://www.youtube.com/watch?v=${YOUTUBE_ID}`);
      expect(visibleText(link!)).to.equal(filmPlayerStrings.watchElsewhereOne[lang]);
      // Focus stays on the play button, so a second press is one key away.
      expect(element.shadowRoot!.activeElement === part(element, 'play-button')).to.equal(true);
      expect(parts(element, 'notice').length).to.equal(0);
      await expectAccessible(element);

      await built.serve();
      await sendKeys({ press: 'Enter' });
      const notice = await until(() => parts(element, 'notice')[0], 'the notice after the second press');
      await until(() => element.shadowRoot!.activeElement === notice, 'focus on the notice');
      expect(parts(element, 'error').length).to.equal(0);
    });
  }

  it('puts nothing from another host in the page before consent, the player code loaded', async () => {
    const since = performance.now();
    const origins = new Set([location.origin, new URL(server).origin]);
    const built = await builtPlayer();
    await built.serve();
    const element = await mountBuilt(built, 'film="on-vimeo"');
    await pointTo(part(element, 'play-button'));
    part(element, 'play-button').click();
    await until(() => parts(element, 'notice')[0], 'the notice');
    expect(await chunkRequests(built)).to.equal(1);
    const thirdPartyMarkup = [...element.shadowRoot!.querySelectorAll('iframe, link, img, script')].filter((el) =>
      /youtube|vimeo|ytimg/.test(el.outerHTML),
    );
    expect(thirdPartyMarkup.length).to.equal(0);
    const thirdPartyRequests = performance
      .getEntriesByType('resource')
      .filter((entry) => entry.startTime >= since && !origins.has(new URL(entry.name).origin))
      .map((entry) => entry.name);
    expect(thirdPartyRequests).to.deep.equal([]);
  });
});
