/**
 * The player half of <cl-film-player>, loaded with
 * `import('./film-player.lazy.js')` on the first sign that a reader means to
 * play (the pointer over the player, focus in it, a touch; a press waits for
 * it). `FilmPlayback` is a reactive controller that reaches the widget only
 * through `FilmPlayerHost` and `FilmPlayerAccess`: it owns what the player box
 * shows once play is pressed (the consent notice, the YouTube or Vimeo
 * iframe, the native video with its captions) and the events of each.
 * docs/widgets/film-player.md says what it weighs.
 */
import { html, nothing, type TemplateResult } from 'lit/html.js';
import type { ReactiveController } from '../../internal/base-element.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Film } from '../../feed/schema.js';
import type { Language } from '../../i18n/language.js';
import type { Picked } from '../../i18n/local-text.js';
import { translator } from '../../i18n/strings.js';
import { safeUrl } from '../../internal/safe-url.js';
import { playerStrings } from './film-player.lazy.strings.js';
import type { FilmFile, FilmPlayerAccess, FilmPlayerHost, FilmProvider } from './film-player.types.js';

export { playerStyles } from './film-player.lazy.styles.js';

/** Each provider's player address: captions on in the reader's language, autoplay (the press allows it). */
const EMBEDS: Record<FilmProvider, (id: string, lang: Language) => string> = {
  // The nocookie host sets no cookies until the film plays.
  youtube: (id, lang) =>
    `https://www.youtube-nocookie.com/embed/${id}?autoplay=1&rel=0&cc_load_policy=1&cc_lang_pref=${lang}&hl=${lang}`,
  vimeo: (id, lang) => `https://player.vimeo.com/video/${id}?autoplay=1&dnt=1&texttrack=${lang}`,
};

/**
 * What the player box shows once play is pressed: the notice asking for
 * consent (YouTube, Vimeo), then the player; for a self-hosted film, the
 * video, or a link to the file when none of its sources could be played.
 */
export class FilmPlayback implements ReactiveController {
  /** facade: the widget's poster and play button; notice: the consent notice; playing: the player is in place. */
  phase: 'facade' | 'notice' | 'playing' = 'facade';

  readonly #host: FilmPlayerHost;
  readonly #access: FilmPlayerAccess;
  #failed = false;
  #remember = false;
  /** The caption language the video's tracks were last set to. */
  #shownCaptions?: Language;

  constructor(host: FilmPlayerHost, access: FilmPlayerAccess) {
    this.#host = host;
    this.#access = access;
  }

  hostUpdated(): void {
    const video = this.#host.renderRoot.querySelector('video');
    // Before its metadata the browser is still choosing the default track and would undo a change.
    if (video && video.readyState > 0 && this.#host.captionLanguage !== this.#shownCaptions) this.#showCaptions(video);
  }

  /** Back to the facade (another film). */
  reset(): void {
    this.phase = 'facade';
    this.#failed = false;
    this.#remember = false;
    this.#host.requestUpdate();
  }

  /** The play button's press: a self-hosted film or a remembered provider plays, another provider asks first. */
  press(film: Film, provider: FilmProvider | 'file', remembered: boolean): Promise<void> {
    return provider === 'file' || remembered ? this.#start(film, provider) : this.#ask();
  }

  async #ask(): Promise<void> {
    this.phase = 'notice';
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    this.#host.renderRoot.querySelector<HTMLElement>('[part="notice"]')?.focus();
  }

  #consent(film: Film, provider: FilmProvider): void {
    if (this.#remember) this.#access.rememberConsent(provider);
    this.#access.emit('cl-film-consent', { provider });
    void this.#start(film, provider);
  }

  /** Puts the player in place, then moves focus into it and, for a video, starts it (the press allows sound). */
  async #start(film: Film, provider: FilmProvider | 'file'): Promise<void> {
    this.phase = 'playing';
    this.#host.requestUpdate();
    await this.#host.updateComplete;
    const player = this.#host.renderRoot.querySelector<HTMLVideoElement | HTMLIFrameElement>('video, iframe');
    player?.focus();
    this.#access.emit('cl-film-play', { id: film.id, provider });
    if (player instanceof HTMLVideoElement) {
      // A blocked play() leaves the native controls for the reader to start it.
      player.play().catch(() => undefined);
    }
  }

  /** Shows the track in the caption language (else the first) and hides the rest. */
  #showCaptions(video: HTMLVideoElement): void {
    this.#shownCaptions = this.#host.captionLanguage;
    const tracks = [...video.textTracks];
    const wanted = tracks.find((track) => track.language === this.#shownCaptions) ?? tracks[0];
    for (const track of tracks) track.mode = track === wanted ? 'showing' : 'disabled';
  }

  #t() {
    return translator(playerStrings, this.#host.language);
  }

  /** A YouTube or Vimeo film past its facade: the notice or the iframe; undefined while the facade shows. */
  renderProvider(film: Film, title: Picked, provider: FilmProvider, id: string): TemplateResult | undefined {
    if (this.phase === 'playing') return this.#renderIframe(provider, id, title);
    if (this.phase === 'notice') return this.#renderNotice(film, provider, id);
    return undefined;
  }

  /** A self-hosted film past its facade: the video, or a link to the file; undefined while the facade shows. */
  renderFile(film: Film, title: Picked, files: FilmFile[]): TemplateResult | undefined {
    if (this.#failed) {
      const file = safeUrl(files[0]!.src);
      return html`<p class="cl-panel" data-tone="error" role="alert" part="error">
        ${this.#t()('fileFailed')} ${file ? html`<a href=${file}>${this.#t()('download')}</a>` : nothing}
      </p>`;
    }
    return this.phase === 'playing' ? this.#renderVideo(film, title, files) : undefined;
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
      @ended=${() => this.#access.emit('cl-film-ended', { id: film.id })}
    >
      ${files.map(
        (file, i) =>
          html`<source
            src=${file.src}
            type=${file.type}
            @error=${i === last ? () => ((this.#failed = true), this.#host.requestUpdate()) : nothing}
          />`,
      )}${film.captions?.map(
        (track) =>
          html`<track
            kind="captions"
            src=${track.src}
            srclang=${track.lang}
            label=${track.label ?? (track.lang === 'cy' ? 'Cymraeg' : 'English')}
            ?default=${track.lang === this.#host.captionLanguage}
          />`,
      )}
    </video>`;
  }

  #renderIframe(provider: FilmProvider, id: string, title: Picked) {
    return html`<iframe
      part="iframe"
      src=${EMBEDS[provider](id, this.#host.captionLanguage)}
      title=${title.text}
      allow="autoplay; encrypted-media; fullscreen; picture-in-picture"
      allowfullscreen
      referrerpolicy="strict-origin-when-cross-origin"
    ></iframe>`;
  }

  #renderNotice(film: Film, provider: FilmProvider, id: string) {
    const t = this.#t();
    const { name, watch } = this.#access.provider(provider);
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
            .checked=${this.#remember}
            @change=${(e: Event) => {
              this.#remember = (e.target as HTMLInputElement).checked;
              this.#host.requestUpdate();
            }}
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
}
