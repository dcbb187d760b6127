import { html, nothing, type PropertyValues, type TemplateResult, type PropertyDeclarations } from 'lit';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FeedWidget } from '../../feed/feed-widget.js';
import { filmSections } from '../../feed/sections/films.js';
import type { Feed, Film, FilmSource } from '../../feed/schema.js';
import type { Language } from '../../i18n/language.js';
import { langIf, pick, type Picked } from '../../i18n/local-text.js';
import { plural, translator } from '../../i18n/strings.js';
import { safeUrl } from '../../internal/safe-url.js';
import { localStore } from '../../internal/storage.js';
import { filmPlayerStrings } from './film-player.strings.js';
import { styles } from './film-player.styles.js';

/** A third-party host that plays a film in an iframe. */
export type FilmProvider = 'youtube' | 'vimeo';

export interface FilmConsentDetail {
  provider: FilmProvider;
}

export interface FilmPlayDetail {
  id: string;
  provider: FilmProvider | 'file';
}

export interface FilmEndedDetail {
  id: string;
}

declare global {
  interface GlobalEventHandlersEventMap {
    /** The reader agreed to load a film from a third party. */
    'cl-film-consent': CustomEvent<FilmConsentDetail>;
    /** A film started: the iframe was injected, or the video was asked to play. */
    'cl-film-play': CustomEvent<FilmPlayDetail>;
    /** A self-hosted film played to its end (third-party players do not report it). */
    'cl-film-ended': CustomEvent<FilmEndedDetail>;
  }
  interface HTMLElementTagNameMap {
    'cl-film-player': ClFilmPlayer;
  }
}

const PROVIDERS: Record<
  FilmProvider,
  { name: string; embed: (id: string, lang: Language) => string; watch: (id: string) => string }
> = {
  youtube: {
    name: 'YouTube',
    // The nocookie host sets no cookies until the film plays; captions are on in the reader's language.
    embed: (id, lang) =>
      `https://www.youtube-nocookie.com/embed/${id}?autoplay=1&rel=0&cc_load_policy=1&cc_lang_pref=${lang}&hl=${lang}`,
    watch: (id) => `https://www.youtube.com/watch?v=${id}`,
  },
  vimeo: {
    name: 'Vimeo',
    embed: (id, lang) => `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1&texttrack=${lang}`,
    watch: (id) => `https://vimeo.com/${id}`,
  },
};

/** One self-hosted film's files, in order of preference. */
type FilmFile = Extract<FilmSource, { files: unknown }>['files'][number];

/** Where a film can be watched without this player: its page, else the video host's, else its file. */
function filmAddress({ url, source }: Film, language: Language): string | undefined {
  if (url) return pick(url, language).text;
  if (!source) return undefined;
  if ('files' in source) return source.files[0]?.src;
  return 'id' in source && Object.hasOwn(PROVIDERS, source.provider)
    ? PROVIDERS[source.provider as FilmProvider].watch(source.id as string)
    : undefined;
}

const consentKey = (provider: FilmProvider): string => `film-consent:${provider}`;

/** `185` -> `3:05`, for the eye; the `<time>` element carries the machine form. */
const clock = (seconds: number): string => `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;

/**
 * Plays the feed's films so that nothing loads from a third party until the
 * reader asks: a facade with the poster (or a neutral placeholder), the title
 * and a real play button; YouTube and Vimeo films first show a notice naming
 * the provider. Self-hosted films play in a native `<video>` with a caption
 * track per language, captions on in the widget's language. Without `film`,
 * the other films are listed to switch between.
 *
 * @tag cl-film-player
 * @fires cl-film-consent - The reader agreed to load a YouTube or Vimeo film. `detail: { provider }`.
 * @fires cl-film-play - A film started. `detail: { id, provider }` (provider `file` for self-hosted films).
 * @fires cl-film-ended - A self-hosted film played to its end. `detail: { id }`.
 * @slot - Shown when the feed cannot be loaded and there is no saved copy (e.g. a link to the films).
 * @csspart player - The box of fixed aspect ratio that holds the poster, notice or player.
 * @csspart poster - The poster image, or the neutral placeholder.
 * @csspart play-button - The button that starts the film.
 * @csspart notice - The third-party notice asking for consent.
 * @csspart film-links - Prerendered HTML read with scripting off: each film as a link to its page (else where it can be watched).
 * @csspart video - The native video element of a self-hosted film.
 * @csspart iframe - The YouTube or Vimeo player.
 * @csspart title - The film's title under the player.
 * @csspart description - The film's description from the feed.
 * @csspart speakers - Who speaks in the film, with their roles.
 * @csspart forget - The "Forget my choice" button.
 * @csspart playlist - The list of the feed's films.
 * @csspart playlist-item - One film's button in the list.
 * @csspart transcript - The transcript disclosure.
 * @csspart error - The feed's error panel, or a message about a film that cannot be shown.
 * @cssprop --cl-film-aspect-ratio - The player box's aspect ratio. Default: `16 / 9`.
 * @cssprop --cl-film-placeholder - The background drawn when a film has no poster. Default: `linear-gradient(135deg, #0b3b60, #2a6e8f)`.
 */
export class ClFilmPlayer extends FeedWidget {
  static override styles = [...FeedWidget.styles, styles];
  protected static override feedSections = filmSections;
  static override properties: PropertyDeclarations = {
    film: { reflect: true, useDefault: true },
    captions: { reflect: true, useDefault: true },
    selected: { state: true },
    phase: { state: true },
    failed: { state: true },
    remember: { state: true },
  };

  /** The id of the one film to show. Without it: the feed's first film and a list of the others. */
  film = '';

  /** The caption language (`en` or `cy`). Default: the widget's language. */
  captions = '';

  private selected = '';
  /** facade: poster and play button; notice: the consent notice; playing: the player is in place. */
  private phase: 'facade' | 'notice' | 'playing' = 'facade';
  private failed = false;
  private remember = false;
  /** The caption language the video's tracks were last set to. */
  #shownCaptions?: Language;

  override willUpdate(changed: PropertyValues<this>): void {
    super.willUpdate(changed);
    if (changed.has('film')) this.#reset();
  }

  override updated(): void {
    const video = this.renderRoot.querySelector('video');
    // Before its metadata the browser is still choosing the default track and would undo a change.
    if (video && video.readyState > 0 && this.captionLanguage !== this.#shownCaptions) this.#showCaptions(video);
  }

  /** The caption (and transcript) language. */
  get captionLanguage(): Language {
    return this.captions === 'cy' || this.captions === 'en' ? this.captions : this.language;
  }

  #select(id: string): void {
    if (id === this.selected) return;
    this.selected = id;
    this.#reset();
  }

  async #ask(): Promise<void> {
    this.phase = 'notice';
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="notice"]')?.focus();
  }

  #consent(film: Film, provider: FilmProvider): void {
    if (this.remember) {
      localStore.set(consentKey(provider), true);
    }
    this.emit('cl-film-consent', { provider });
    void this.#start(film, provider);
  }

  /** The button goes with the choice, so focus moves to what the reader would press next. */
  async #forget(provider: FilmProvider): Promise<void> {
    localStore.remove(consentKey(provider));
    // Remembered consent lives in storage, not in a reactive property.
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="play-button"], [part="notice"], iframe')?.focus();
  }

  /** Puts the player in place, then moves focus into it and, for a video, starts it (the press allows sound). */
  async #start(film: Film, provider: FilmProvider | 'file'): Promise<void> {
    this.phase = 'playing';
    await this.updateComplete;
    const player = this.renderRoot.querySelector<HTMLVideoElement | HTMLIFrameElement>('video, iframe');
    player?.focus();
    this.emit('cl-film-play', { id: film.id, provider });
    if (player instanceof HTMLVideoElement) {
      // A blocked play() leaves the native controls for the reader to start it.
      player.play().catch(() => undefined);
    }
  }

  /** Shows the track in the caption language (else the first) and hides the rest. */
  #showCaptions(video: HTMLVideoElement): void {
    this.#shownCaptions = this.captionLanguage;
    const tracks = [...video.textTracks];
    const wanted = tracks.find((track) => track.language === this.#shownCaptions) ?? tracks[0];
    for (const track of tracks) track.mode = track === wanted ? 'showing' : 'disabled';
  }

  #reset(): void {
    this.phase = 'facade';
    this.failed = false;
    this.remember = false;
  }

  protected override renderSkeleton(): TemplateResult {
    // The player box and the title line below it: what every loaded state shows.
    return html`<span class="cl-skeleton player"></span><span class="cl-skeleton meta"></span>`;
  }

  protected override renderContent(feed: Feed) {
    const t = translator(filmPlayerStrings, this.language);
    const films = feed.films;
    if (films.length === 0) return html`<p class="cl-panel" part="error">${t('noFilms')}</p>`;
    const film = this.film
      ? films.find((f) => f.id === this.film)
      : (films.find((f) => f.id === this.selected) ?? films[0]);
    if (!film) return this.#renderError(t('unknownFilm')(this.film));
    const title = pick(film.title, this.language);
    const provider =
      film.source && Object.hasOwn(PROVIDERS, film.source.provider)
        ? (film.source.provider as FilmProvider)
        : undefined;
    // Remembered in this browser only: not in the prerendered HTML, so not in the render that hydrates it.
    const remembered = provider !== undefined && !this.hydrating && localStore.get(consentKey(provider)) === true;
    return html`
      <div class="player" part="player">${this.#renderPlayer(film, title, provider, remembered)}</div>
      <p class="meta">
        <strong part="title" lang=${ifDefined(langIf(title, this.language))}>${title.text}</strong>
        ${film.duration ? html`<span>${t('length')}: <time datetime="PT${film.duration}S">${clock(film.duration)}</time></span>` : nothing}
      </p>
      ${this.#renderAbout(film, t('speakers'))} ${remembered ? this.#renderForget(provider) : nothing}
      ${this.#renderTranscript(film)} ${this.film ? nothing : this.#renderPlaylist(films, film)}
      ${this.#renderLinks(this.film ? [film] : films)}
    `;
  }

  /** What the film is and who speaks in it; feed text in the other language is marked with its own `lang`. */
  #renderAbout(film: Film, label: string) {
    const text = (value: Picked) => html`<span lang=${ifDefined(langIf(value, this.language))}>${value.text}</span>`;
    return html`${film.description ? html`<p part="description">${text(pick(film.description, this.language))}</p>` : nothing}${
      film.speakers?.length
        ? html`<p part="speakers">
            ${label}:
            ${film.speakers.map(
              // Separators are values, not template text: the build's template minifier drops a leading space.
              (speaker, i) =>
                html`${i ? '; ' : ''}${pick(speaker.name, this.language).text}${speaker.role ? [' (', text(pick(speaker.role, this.language)), ')'] : nothing}`,
            )}
          </p>`
        : nothing
    }`;
  }

  #renderForget(provider: FilmProvider) {
    const t = translator(filmPlayerStrings, this.language);
    return html`<button
      type="button"
      class="cl-button"
      data-variant="secondary"
      part="forget"
      @click=${() => this.#forget(provider)}
    >
      ${t('forget')(PROVIDERS[provider].name)}
    </button>`;
  }

  /** What the player box holds: a facade, the notice, the player, or why the film cannot be played here. */
  #renderPlayer(film: Film, title: Picked, provider: FilmProvider | undefined, remembered: boolean) {
    const t = translator(filmPlayerStrings, this.language);
    const source = film.source;
    const page = safeUrl(film.url && pick(film.url, this.language).text);
    const pageLink = page ? html`<a href=${page}>${t('watchPage')}</a>` : nothing;
    if (!source)
      return html`${this.#renderPoster(film)}
        <p class="cl-panel" part="error">${t('noSource')} ${pageLink}</p>`;
    if ('files' in source) return this.#renderFile(film, title, source.files);
    if (!provider) {
      return this.#renderError(t('unknownProvider')(source.provider), pageLink);
    }
    const id = (source as { id: string }).id;
    if (this.phase === 'playing') return this.#renderIframe(provider, id, title);
    if (this.phase === 'notice') return this.#renderNotice(film, provider, id);
    return this.#renderFacade(film, title, () => (remembered ? this.#start(film, provider) : this.#ask()));
  }

  /** A self-hosted film: the facade, the video, or a link to the file when no source could be played. */
  #renderFile(film: Film, title: Picked, files: FilmFile[]) {
    const t = translator(filmPlayerStrings, this.language);
    if (this.failed) {
      const file = safeUrl(files[0]!.src);
      return this.#renderError(t('fileFailed'), file ? html`<a href=${file}>${t('download')}</a>` : nothing);
    }
    if (this.phase === 'playing') return this.#renderVideo(film, title, files);
    return this.#renderFacade(film, title, () => this.#start(film, 'file'));
  }

  #renderVideo(film: Film, title: Picked, files: FilmFile[]) {
    const last = files.length - 1;
    return html`<video
      controls
      crossorigin="anonymous"
      preload="metadata"
      part="video"
      poster=${ifDefined(safeUrl(film.poster))}
      aria-label=${title.text}
      @loadedmetadata=${(event: Event) => this.#showCaptions(event.target as HTMLVideoElement)}
      @ended=${() => this.emit('cl-film-ended', { id: film.id })}
    >
      ${files.map(
        (file, i) =>
          html`<source
            src=${file.src}
            type=${file.type}
            @error=${i === last ? () => (this.failed = true) : nothing}
          />`,
      )}${film.captions?.map(
        (track) =>
          html`<track
            kind="captions"
            src=${track.src}
            srclang=${track.lang}
            label=${track.label ?? (track.lang === 'cy' ? 'Cymraeg' : 'English')}
            ?default=${track.lang === this.captionLanguage}
          />`,
      )}
    </video>`;
  }

  #renderIframe(provider: FilmProvider, id: string, title: Picked) {
    return html`<iframe
      part="iframe"
      src=${PROVIDERS[provider].embed(id, this.captionLanguage)}
      title=${title.text}
      allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
      allowfullscreen
      referrerpolicy="strict-origin-when-cross-origin"
    ></iframe>`;
  }

  #renderNotice(film: Film, provider: FilmProvider, id: string) {
    const t = translator(filmPlayerStrings, this.language);
    const { name, watch } = PROVIDERS[provider];
    return html`<div
      class="cl-panel notice"
      data-tone="notice"
      part="notice"
      role="group"
      aria-labelledby="notice-text"
      tabindex="-1"
    >
      <p id="notice-text">${t('notice')(name)}</p>
      <p>
        <label
          ><input
            type="checkbox"
            .checked=${this.remember}
            @change=${(e: Event) => (this.remember = (e.target as HTMLInputElement).checked)}
          />
          ${t('remember')(name)}</label
        >
      </p>
      <p>
        <button type="button" class="cl-button" @click=${() => this.#consent(film, provider)}>${t('playFilm')}</button>
        <a href=${watch(id)}>${t('watchOn')(name)}</a>
      </p>
    </div>`;
  }

  #renderPoster(film: Film) {
    const poster = safeUrl(film.poster);
    return poster
      ? html`<img part="poster" src=${poster} alt="" />`
      : html`<span part="poster" class="placeholder"></span>`;
  }

  /** The whole name sits in one hidden span: split around it, name computation would add a space before the colon. */
  #renderFacade(film: Film, title: Picked, press: () => void) {
    const t = translator(filmPlayerStrings, this.language);
    return html`${this.#renderPoster(film)}<button
        type="button"
        class="cl-button play cl-needs-script"
        part="play-button"
        @click=${press}
      >
        <span aria-hidden="true">▶ ${t('play')}</span
        ><span class="cl-visually-hidden"
          >${t('play')}: <span lang=${ifDefined(langIf(title, this.language))}>${title.text}</span></span
        >
      </button>`;
  }

  #renderError(message: string, link: TemplateResult | typeof nothing = nothing) {
    return html`<p class="cl-panel" data-tone="error" role="alert" part="error">${message} ${link}</p>`;
  }

  #renderTranscript(film: Film) {
    if (!film.transcript?.length) return nothing;
    const t = translator(filmPlayerStrings, this.language);
    return html`<details part="transcript">
      <summary>${t('transcript')}</summary>
      ${film.transcript.map((line) => {
        const text = pick(line.text, this.captionLanguage);
        return html`<p>
          ${line.speaker ? html`<strong>${pick(line.speaker, this.captionLanguage).text}:</strong> ` : nothing}<span
            lang=${ifDefined(langIf(text, this.language))}
            >${text.text}</span
          >
        </p>`;
      })}
    </details>`;
  }

  /** With scripting off (prerendered HTML): each film as a link to its page, else to where it can be watched. */
  #renderLinks(films: Film[]) {
    const t = translator(filmPlayerStrings, this.language);
    // role="list": unmarked lists lose it in Safari.
    return html`<ul class="cl-no-script" part="film-links" role="list" aria-label=${t('watchElsewhere')}>
      ${films.map((film) => {
        const href = safeUrl(filmAddress(film, this.language));
        const title = pick(film.title, this.language);
        return href
          ? html`<li><a href=${href} lang=${ifDefined(langIf(title, this.language))}>${title.text}</a></li>`
          : nothing;
      })}
    </ul>`;
  }

  #renderPlaylist(films: Film[], current: Film) {
    if (films.length < 2) return nothing;
    // role="list": the list has no bullets, and Safari then stops announcing it as a list.
    return html`<ul
      class="cl-needs-script"
      part="playlist"
      role="list"
      aria-label=${plural(filmPlayerStrings.films[this.language], films.length, this.language)}
    >
      ${films.map((film) => {
        const title = pick(film.title, this.language);
        const here = film === current ? 'true' : undefined;
        return html`<li>
          <button
            type="button"
            class="cl-button"
            data-variant=${ifDefined(here ? undefined : 'secondary')}
            part="playlist-item"
            aria-current=${ifDefined(here)}
            @click=${() => this.#select(film.id)}
          >
            <span lang=${ifDefined(langIf(title, this.language))}>${title.text}</span>
            ${film.duration ? html`<time datetime="PT${film.duration}S">${clock(film.duration)}</time>` : nothing}
          </button>
        </li>`;
      })}
    </ul>`;
  }
}
