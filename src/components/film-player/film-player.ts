import { html, nothing, type TemplateResult } from 'lit/html.js';
import { adoptStyles, type PropertyValues, type PropertyDeclarations } from '../../internal/base-element.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import { FeedWidget } from '../../feed/feed-widget.js';
import { filmSections } from '../../feed/sections/films.js';
import type { Feed, Film } from '../../feed/schema.js';
import type { Language } from '../../i18n/language.js';
import { langIf, pick, type Picked } from '../../i18n/local-text.js';
import { plural, translator } from '../../i18n/strings.js';
import { safeUrl } from '../../internal/safe-url.js';
import { lazyModule } from '../../internal/lazy-module.js';
import { localStore } from '../../internal/storage.js';
import { filmPlayerStrings } from './film-player.strings.js';
import { styles } from './film-player.styles.js';
import type { FilmPlayback } from './film-player.lazy.js';
import type { FilmFile, FilmProvider, ProviderInfo } from './film-player.types.js';

export type { FilmConsentDetail, FilmEndedDetail, FilmPlayDetail, FilmProvider } from './film-player.types.js';

declare global {
  interface HTMLElementTagNameMap {
    'cl-film-player': ClFilmPlayer;
  }
}

const PROVIDERS: Record<FilmProvider, ProviderInfo> = {
  youtube: { name: 'YouTube', watch: (id) => `https://www.youtube.com/watch?v=${id}` },
  vimeo: { name: 'Vimeo', watch: (id) => `https://vimeo.com/${id}` },
};

type PlayerModule = typeof import('./film-player.lazy.js');
/** The notice, the iframe and the video (film-player.lazy.ts), once loaded. */
let playerModule: PlayerModule | undefined;
/**
 * Starts loading film-player.lazy.ts, once: on the first sign that a reader
 * means to play (the pointer over the player, focus in it, a touch), so it is
 * there when they press. Undefined when it cannot be fetched; the next call
 * tries again.
 */
const loadPlayer = lazyModule(
  () => import('./film-player.lazy.js'),
  (module) => (playerModule = module),
);
/** A touch is an intent too; a passive listener never delays scrolling. */
const onTouch = { handleEvent: loadPlayer, passive: true };

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
 * the other films are listed to switch between. The notice's and the players'
 * code loads on the first sign that a reader means to play (pointer, focus,
 * touch) or on the press.
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
  };

  /** The id of the one film to show. Without it: the feed's first film and a list of the others. */
  film = '';

  /** The caption language (`en` or `cy`). Default: the widget's language. */
  captions = '';

  private selected = '';
  /** The player code's controller (the notice, the iframe, the video), once loaded and created. */
  #player: FilmPlayback | undefined;
  /** The film whose play was pressed while the player code was on its way: played when it arrives. */
  #pressed: string | undefined;
  /** The player code could not be loaded for a press: the widget says so, with the film's link. */
  #loadFailed = false;
  /**
   * Prerendered: consent remembered in this browser is shown (its "forget" button) in a task after hydrating. The
   * first read of Web Storage in a page takes milliseconds, and hydrating is what a press waits for.
   */
  #consentShown = !this.hydrating;

  protected override hydrated(): void {
    setTimeout(() => {
      this.#consentShown = true;
      this.requestUpdate();
    });
  }

  override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('film')) this.#reset();
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

  /** Creates the player once its code is loaded; undefined when it cannot be loaded. */
  async #loadPlayer(): Promise<FilmPlayback | undefined> {
    const module = playerModule ?? (await loadPlayer());
    if (module && !this.#player) {
      this.#player = new module.FilmPlayback(this, {
        emit: this.emit.bind(this),
        provider: (provider) => PROVIDERS[provider],
        rememberConsent: (provider) => localStore.set(consentKey(provider), true),
      });
      // The notice's and the players' styles come with the code that shows them.
      const { elementStyles } = this.constructor as typeof ClFilmPlayer;
      adoptStyles(this.renderRoot as ShadowRoot, [...elementStyles, module.playerStyles]);
      this.addController(this.#player);
    }
    return this.#player;
  }

  /**
   * The play button's press: at once when the player code is here, else once
   * it arrives (one press is enough), unless the reader has moved to another
   * film by then. When it cannot be loaded, the widget says so and the next
   * press tries again.
   */
  async #press(film: Film, provider: FilmProvider | 'file'): Promise<void> {
    // Read at the press: the button may be the one the hydrating render drew, which leaves consent out.
    const remembered = provider !== 'file' && localStore.get(consentKey(provider)) === true;
    if (this.#player) return this.#player.press(film, provider, remembered);
    this.#pressed = film.id;
    const player = await this.#loadPlayer();
    if (this.#pressed !== film.id) return;
    this.#pressed = undefined;
    this.#loadFailed = !player;
    this.requestUpdate();
    if (player) await player.press(film, provider, remembered);
  }

  /** The button goes with the choice, so focus moves to what the reader would press next. */
  async #forget(provider: FilmProvider): Promise<void> {
    localStore.remove(consentKey(provider));
    // Remembered consent lives in storage, not in a reactive property.
    this.requestUpdate();
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLElement>('[part="play-button"], [part="notice"], iframe')?.focus();
  }

  #reset(): void {
    this.#player?.reset();
    this.#pressed = undefined;
    this.#loadFailed = false;
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
    const remembered = provider !== undefined && this.#consentShown && localStore.get(consentKey(provider)) === true;
    return html`
      <div class="player" part="player" @pointerover=${loadPlayer} @focusin=${loadPlayer} @touchstart=${onTouch}>
        ${this.#renderPlayer(film, title, provider)}
      </div>
      ${this.#loadFailed ? this.#renderError(t('loadFailed'), this.#renderElsewhere(film)) : nothing}
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
  #renderPlayer(film: Film, title: Picked, provider: FilmProvider | undefined) {
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
    return (
      this.#player?.renderProvider(film, title, provider, id) ??
      this.#renderFacade(film, title, () => this.#press(film, provider))
    );
  }

  /** A self-hosted film: the facade, the video, or a link to the file when no source could be played. */
  #renderFile(film: Film, title: Picked, files: FilmFile[]) {
    return (
      this.#player?.renderFile(film, title, files) ?? this.#renderFacade(film, title, () => this.#press(film, 'file'))
    );
  }

  /** A link to where the film can be watched without this player, or nothing. */
  #renderElsewhere(film: Film) {
    const href = safeUrl(filmAddress(film, this.language));
    return href
      ? html`<a href=${href}>${translator(filmPlayerStrings, this.language)('watchElsewhereOne')}</a>`
      : nothing;
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
