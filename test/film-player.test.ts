import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/components/film-player/define.js';
import type { ClFilmPlayer } from '../src/components/film-player/film-player.js';
import { localStore } from '../src/internal/storage.js';
import { expectAccessible, expectNoOverflow, mock, server, settled, uniqueName, until } from './harness.js';

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
  localStore.remove('film-consent:youtube');
  localStore.remove('film-consent:vimeo');
});

async function player(film: string, lang = 'en', extra = ''): Promise<ClFilmPlayer> {
  const element = await fixture<ClFilmPlayer>(
    html`<cl-film-player src=${feedUrl} film=${film} lang=${lang} captions=${extra}></cl-film-player>`,
  );
  return settled(element);
}

const part = <T extends Element = HTMLElement>(element: ClFilmPlayer, name: string): T | null =>
  element.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

const textOf = (element: Element): string => element.textContent!.replace(/\s+/g, ' ').trim();

/** Moves keyboard focus to `target` by pressing Tab, failing if it is never reached. */
async function tabTo(target: Element): Promise<void> {
  for (let i = 0; i < 20; i += 1) {
    await sendKeys({ press: 'Tab' });
    const root = target.getRootNode() as ShadowRoot | Document;
    if (root.activeElement === target) return;
  }
  throw new Error('Tab never reached the target');
}

describe('<cl-film-player>', () => {
  describe('before play', () => {
    it('shows a facade with a real play button named after the film, and loads no media', async () => {
      const element = await player('sample');
      const button = part<HTMLButtonElement>(element, 'play-button')!;
      expect(button.localName).to.equal('button');
      expect(button.querySelector('.cl-visually-hidden')!.textContent).to.equal('Play: Sample film');
      expect(button.querySelector('[aria-hidden="true"]')!.textContent).to.equal('▶ Play');
      expect(textOf(part(element, 'title')!)).to.equal('Sample film');
      expect(element.shadowRoot!.querySelector('time')!.getAttribute('datetime')).to.equal('PT3S');
      expect(part(element, 'poster')!.classList.contains('placeholder')).to.equal(true);
      expect(element.shadowRoot!.querySelector('video, iframe')).to.equal(null);
      await expectAccessible(element);
    });

    it('says it in Welsh', async () => {
      const element = await player('on-youtube', 'cy');
      expect(textOf(part(element, 'play-button')!.querySelector('.cl-visually-hidden')!)).to.equal(
        'Chwarae: Ffilm YouTube',
      );
      expect(textOf(element.shadowRoot!.querySelector('.meta')!)).to.equal('Ffilm YouTube Hyd: 3:05');
      await expectAccessible(element);
    });

    it('marks an English-only title inside a Welsh widget with lang="en"', async () => {
      const element = await player('on-vimeo', 'cy');
      expect(part(element, 'title')!.getAttribute('lang')).to.equal('en');
      expect(part(element, 'play-button')!.querySelector('[lang="en"]')!.textContent).to.equal('A Vimeo film');
    });

    it('reserves the 16:9 box and the title line while the feed loads, so nothing below moves', async () => {
      const slow = await mock(uniqueName('film-slow'), { body: feed, delayMs: 400 });
      const element = await fixture<ClFilmPlayer>(
        html`<cl-film-player src=${slow} film="on-youtube" style="width: 320px"></cl-film-player>`,
      );
      const skeleton = element.shadowRoot!.querySelector<HTMLElement>('.cl-skeleton.player')!;
      expect(skeleton.getBoundingClientRect().height).to.be.closeTo(180, 1);
      const loadingHeight = element.getBoundingClientRect().height;
      await settled(element);
      expect(part(element, 'player')!.getBoundingClientRect().height).to.be.closeTo(180, 1);
      expect(element.getBoundingClientRect().height).to.be.closeTo(loadingHeight, 1);
    });

    it('uses the feed’s poster when it has one', async () => {
      const element = await player('no-source');
      const poster = part<HTMLImageElement>(element, 'poster')!;
      expect(poster.localName).to.equal('img');
      expect(poster.src).to.equal(`${media}/poster.jpg`);
      expect(poster.alt).to.equal('');
    });
  });

  describe('a self-hosted film', () => {
    it('plays for real from the keyboard, with focus on the video and English captions on', async () => {
      const element = await player('sample');
      await tabTo(part(element, 'play-button')!);
      const played = oneEvent(element, 'cl-film-play');
      await sendKeys({ press: 'Enter' });
      expect((await played).detail).to.deep.equal({ id: 'sample', provider: 'file' });
      const video = part<HTMLVideoElement>(element, 'video')!;
      expect(element.shadowRoot!.activeElement).to.equal(video);
      expect(video.controls).to.equal(true);
      expect(video.crossOrigin).to.equal('anonymous');
      const tracks = [...video.textTracks];
      expect(tracks.map((track) => [track.language, track.mode])).to.deep.equal([
        ['en', 'showing'],
        ['cy', 'disabled'],
      ]);
      await until(() => video.currentTime > 0.5, 'the film to play');
      await until(() => tracks[0]!.cues && tracks[0]!.cues.length === 2, 'the English captions to load');
      await expectAccessible(element);
    });

    it('fires cl-film-ended when the film ends', async () => {
      const element = await player('sample');
      await tabTo(part(element, 'play-button')!);
      const ended = oneEvent(element, 'cl-film-ended');
      await sendKeys({ press: 'Enter' });
      expect((await ended).detail).to.deep.equal({ id: 'sample' });
    });

    it('shows Welsh captions in a Welsh widget and switches with the captions attribute', async () => {
      const element = await player('sample', 'cy');
      part(element, 'play-button')!.click();
      const video = await until(() => part<HTMLVideoElement>(element, 'video'), 'the video');
      const modes = () => [...video.textTracks].map((track) => `${track.language}:${track.mode}`);
      await until(() => modes().join() === 'en:disabled,cy:showing', 'Welsh captions');
      element.captions = 'en';
      await until(() => modes().join() === 'en:showing,cy:disabled', 'English captions');
      await until(() => video.textTracks[0]!.cues?.length === 2, 'the English cues');
      expect(video.textTracks[0]!.cues![0]!.startTime).to.equal(0);
      await expectAccessible(element);
    });

    it('says so, with a link to the file, when the file fails', async () => {
      for (const lang of ['en', 'cy']) {
        const element = await player('broken', lang);
        part(element, 'play-button')!.click();
        const error = await until(() => part(element, 'error'), 'the error');
        expect(error.getAttribute('role')).to.equal('alert');
        expect(error.textContent).to.contain(lang === 'en' ? 'could not be played' : 'Nid oedd modd chwarae');
        expect(error.querySelector('a')!.href).to.equal(`${media}/missing.webm`);
        await expectAccessible(element);
      }
    });
  });

  describe('a third-party film', () => {
    it('asks first, then injects the YouTube player with focus in it', async () => {
      const element = await player('on-youtube');
      const consented = oneEvent(element, 'cl-film-consent');
      part(element, 'play-button')!.click();
      const notice = await until(() => part(element, 'notice'), 'the notice');
      await until(() => element.shadowRoot!.activeElement === notice, 'focus on the notice');
      expect(notice.textContent).to.contain('This film is on YouTube, which may set cookies');
      expect(notice.querySelector('a')!.href).to.equal(`https://www.youtube.com/watch?v=${YOUTUBE_ID}`);
      expect(element.shadowRoot!.querySelector('iframe')).to.equal(null);
      await expectAccessible(element);
      [...notice.querySelectorAll('button')].find((b) => b.textContent!.trim() === 'Play film')!.click();
      expect((await consented).detail).to.deep.equal({ provider: 'youtube' });
      const iframe = await until(() => element.shadowRoot!.querySelector('iframe'), 'the iframe');
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
      expect(part(element, 'forget')).to.equal(null);
    });

    it('asks in Welsh and passes Welsh to the Vimeo player', async () => {
      const element = await player('on-vimeo', 'cy');
      part(element, 'play-button')!.click();
      const notice = await until(() => part(element, 'notice'), 'the notice');
      expect(notice.textContent)
        .to.contain('Mae’r ffilm hon ar Vimeo, a allai osod cwcis')
        .and.contain('Cofio fy newis ar gyfer Vimeo');
      await expectAccessible(element);
      notice.querySelector('button')!.click();
      const iframe = await until(() => element.shadowRoot!.querySelector('iframe'), 'the iframe');
      const src = new URL(iframe.src);
      expect(src.origin + src.pathname).to.equal(`https://player.vimeo.com/video/${VIMEO_ID}`);
      expect(src.searchParams.get('dnt')).to.equal('1');
      expect(src.searchParams.get('texttrack')).to.equal('cy');
      await expectAccessible(element);
    });

    it('works by keyboard alone, remembers the choice, and forgets it', async () => {
      const element = await player('on-youtube');
      await tabTo(part(element, 'play-button')!);
      await sendKeys({ press: 'Enter' });
      const notice = await until(() => part(element, 'notice'), 'the notice');
      await until(() => element.shadowRoot!.activeElement === notice, 'focus on the notice');
      await sendKeys({ press: 'Tab' });
      const checkbox = notice.querySelector('input')!;
      expect(element.shadowRoot!.activeElement).to.equal(checkbox);
      // ' ' rather than 'Space': Firefox's WebDriver BiDi keyboard knows only the character.
      await sendKeys({ press: ' ' });
      expect(checkbox.checked).to.equal(true);
      await sendKeys({ press: 'Tab' });
      expect(element.shadowRoot!.activeElement!.textContent!.trim()).to.equal('Play film');
      await sendKeys({ press: 'Enter' });
      const iframe = await until(() => element.shadowRoot!.querySelector('iframe'), 'the iframe');
      await until(() => element.shadowRoot!.activeElement === iframe, 'focus in the iframe');
      expect(localStore.get('film-consent:youtube')).to.equal(true);
      await expectAccessible(element);

      // A second player plays at once, and offers to forget.
      const again = await player('on-youtube', 'cy');
      const forget = part(again, 'forget')!;
      expect(forget.textContent!.trim()).to.equal('Anghofio fy newis ar gyfer YouTube');
      await expectAccessible(again);
      part(again, 'play-button')!.click();
      await until(() => again.shadowRoot!.querySelector('iframe'), 'the iframe at once');
      expect(part(again, 'notice')).to.equal(null);

      const third = await player('on-youtube');
      await tabTo(part(third, 'forget')!);
      await sendKeys({ press: 'Enter' });
      await until(() => part(third, 'forget') === null, 'the forget button to go');
      expect(localStore.get('film-consent:youtube')).to.equal(undefined);
      expect(third.shadowRoot!.activeElement).to.equal(part(third, 'play-button'));
      await sendKeys({ press: 'Enter' });
      await until(() => part(third, 'notice'), 'the notice again');
    });

    it('fits the notice in 320 px, growing the box rather than overflowing', async () => {
      const element = await settled(
        await fixture<ClFilmPlayer>(
          html`<cl-film-player src=${feedUrl} film="on-youtube" lang="cy" style="width: 320px"></cl-film-player>`,
        ),
      );
      part(element, 'play-button')!.click();
      await until(() => part(element, 'notice'), 'the notice');
      expect(part(element, 'player')!.getBoundingClientRect().height).to.be.above(180);
      expectNoOverflow(element);
    });

    it('makes no request to any other host, not even a preconnect, before consent', async () => {
      const since = performance.now();
      const origins = new Set([location.origin, new URL(server).origin]);
      const thirdParty = () =>
        performance
          .getEntriesByType('resource')
          .filter((entry) => entry.startTime >= since && !origins.has(new URL(entry.name).origin))
          .map((entry) => entry.name);
      const observed: string[] = [];
      const observer = new PerformanceObserver((list) =>
        observed.push(
          ...list
            .getEntries()
            .filter((e) => !origins.has(new URL(e.name).origin))
            .map((e) => e.name),
        ),
      );
      observer.observe({ type: 'resource' });
      const youtube = await player('on-youtube');
      const vimeo = await player('on-vimeo', 'cy');
      part(youtube, 'play-button')!.click();
      part(vimeo, 'play-button')!.click();
      await until(() => part(youtube, 'notice') && part(vimeo, 'notice'), 'both notices');
      await new Promise((r) => setTimeout(r, 300));
      const thirdPartyMarkup = (root: ParentNode) =>
        [...root.querySelectorAll('iframe, link, img, script')].filter((el) =>
          /youtube|vimeo|ytimg/.test(el.outerHTML),
        );
      expect(thirdParty()).to.deep.equal([]);
      expect(observed).to.deep.equal([]);
      expect([
        ...thirdPartyMarkup(document),
        ...thirdPartyMarkup(youtube.shadowRoot!),
        ...thirdPartyMarkup(vimeo.shadowRoot!),
      ]).to.deep.equal([]);
      observer.disconnect();
    });
  });

  describe('films that cannot be played here', () => {
    it('links to the film’s page when it has no source', async () => {
      const element = await player('no-source');
      const error = part(element, 'error')!;
      expect(error.textContent).to.contain('cannot be played here');
      expect(error.querySelector('a')!.href).to.equal('https://example.org/films/elsewhere');
      await expectAccessible(element);
    });

    it('says what the film is and who speaks, marking English-only text in a Welsh widget', async () => {
      const element = await player('no-source', 'cy');
      const description = part(element, 'description')!;
      expect(textOf(description)).to.equal('Leaders describe the principles.');
      expect(description.querySelector('span')!.getAttribute('lang')).to.equal('en');
      const speakers = part(element, 'speakers')!;
      expect(textOf(speakers)).to.equal(
        'Siaradwyr: Sue Evans (Prif Weithredwr, Gofal Cymdeithasol Cymru); Alex Howells',
      );
      expect(speakers.querySelector('[lang]')).to.equal(null);
      await expectAccessible(element);
    });

    it('names an unknown provider', async () => {
      for (const lang of ['en', 'cy']) {
        const element = await player('other-host', lang);
        const error = part(element, 'error')!;
        expect(error.textContent).to.contain('(dailymotion)');
        expect(error.querySelector('a')!.href).to.equal('https://example.org/films/other');
        expect(part(element, 'play-button')).to.equal(null);
        await expectAccessible(element);
      }
    });

    it('names an unknown film id', async () => {
      for (const [lang, text] of [
        ['en', 'There is no film “nope” in this feed.'],
        ['cy', 'Nid oes ffilm “nope” yn y ffrwd hon.'],
      ] as const) {
        const element = await player('nope', lang);
        expect(textOf(part(element, 'error')!)).to.equal(text);
        await expectAccessible(element);
      }
    });

    it('says when the feed has no films', async () => {
      const empty = await mock(uniqueName('film-empty'), { body: { version: 1, films: [] } });
      const element = await settled(
        await fixture<ClFilmPlayer>(html`<cl-film-player src=${empty} lang="cy"></cl-film-player>`),
      );
      expect(textOf(part(element, 'error')!)).to.equal('Nid oes ffilmiau eto.');
      await expectAccessible(element);
    });
  });

  describe('playlist and transcript', () => {
    it('lists the films, marks the current one and switches by keyboard', async () => {
      for (const lang of ['en', 'cy']) {
        const element = await settled(
          await fixture<ClFilmPlayer>(html`<cl-film-player src=${feedUrl} lang=${lang}></cl-film-player>`),
        );
        const list = part(element, 'playlist')!;
        expect(list.getAttribute('aria-label')).to.equal(lang === 'en' ? '6 films' : '6 ffilm');
        const items = [...list.querySelectorAll<HTMLButtonElement>('[part="playlist-item"]')];
        expect(items).to.have.length(6);
        expect(items.map((b) => b.getAttribute('aria-current'))).to.deep.equal(['true', null, null, null, null, null]);
        await expectAccessible(element);
        await tabTo(items[1]!);
        await sendKeys({ press: 'Enter' });
        await until(() => items[1]!.getAttribute('aria-current') === 'true', 'the second film to be current');
        expect(items[0]!.hasAttribute('aria-current')).to.equal(false);
        expect(textOf(part(element, 'title')!)).to.equal(lang === 'en' ? 'A YouTube film' : 'Ffilm YouTube');
        expect(element.shadowRoot!.activeElement).to.equal(items[1]);
        await expectAccessible(element);
      }
    });

    it('shows no list for one film', async () => {
      const element = await player('sample');
      expect(part(element, 'playlist')).to.equal(null);
    });

    it('shows the transcript in the caption language, naming the speakers', async () => {
      const element = await player('sample', 'cy');
      const transcript = part<HTMLDetailsElement>(element, 'transcript')!;
      expect(transcript.querySelector('summary')!.textContent).to.equal('Trawsgrifiad');
      const lines = [...transcript.querySelectorAll('p')];
      expect(lines.map(textOf)).to.deep.equal([
        'Sue Evans: Patrwm prawf.',
        'Michael West: It plays for three seconds.',
      ]);
      expect(lines[0]!.querySelector('[lang]')).to.equal(null);
      expect(lines[1]!.querySelector('[lang="en"]')).to.not.equal(null);
      await tabTo(transcript.querySelector('summary')!);
      await sendKeys({ press: 'Enter' });
      expect(transcript.open).to.equal(true);
      await expectAccessible(element);
      element.captions = 'en';
      await element.updateComplete;
      expect(textOf(transcript.querySelector('p')!)).to.equal('Sue Evans: A test pattern.');
      expect(transcript.querySelector('p [lang="en"]')).to.not.equal(null);
    });
  });

  it('honours prefers-reduced-motion', async () => {
    // Puppeteer's media emulation needs CDP: Firefox (BiDi) checks its default, no motion preference.
    const chromium = navigator.userAgent.includes('Chrome');
    if (chromium) await emulateMedia({ reducedMotion: 'reduce' });
    const element = await player('sample');
    const duration = getComputedStyle(part(element, 'play-button')!).transitionDuration;
    expect(duration).to.equal(matchMedia('(prefers-reduced-motion: reduce)').matches ? '0s' : '0.15s');
    if (chromium) await emulateMedia({ reducedMotion: 'no-preference' });
  });

  it('shows the built-in feed with no attributes', async () => {
    const element = await settled(await fixture<ClFilmPlayer>(html`<cl-film-player></cl-film-player>`));
    expect(element.shadowRoot!.querySelector('[part="base"] [part="error"][role="alert"]')).to.equal(null);
    const play = part(element, 'play-button');
    const empty = part(element, 'error');
    expect(Boolean(play) || Boolean(empty), 'a play button or the no-films message').to.equal(true);
    if (play) expect(textOf(play.querySelector('.cl-visually-hidden')!)).to.match(/^Play: \S/);
    expect(element.shadowRoot!.querySelector('iframe, video')).to.equal(null);
    await expectAccessible(element);
  });
});
