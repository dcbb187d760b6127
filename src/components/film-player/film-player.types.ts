/**
 * What both halves of <cl-film-player> share: its events' details, the
 * providers it knows, and `FilmPlayerHost` with `FilmPlayerAccess`, the narrow
 * view of the widget that the lazily loaded `FilmPlayback`
 * (film-player.lazy.ts) works through. Types only: neither half imports the
 * other's module through this file.
 */
import type { ReactiveControllerHost } from '../../internal/base-element.js';
import type { FilmSource } from '../../feed/schema.js';
import type { Language } from '../../i18n/language.js';
import type { ClEventDetail, ClEventName } from '../../internal/events.js';

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
}

/** One self-hosted film's files, in order of preference. */
export type FilmFile = Extract<FilmSource, { files: unknown }>['files'][number];

/** What a provider's films are called and where each can be watched on its own site. */
export interface ProviderInfo {
  name: string;
  watch: (id: string) => string;
}

/**
 * The widget as the player code sees it: the element itself (the player is
 * added to it as a reactive controller), narrowed to its languages and render
 * root.
 */
export interface FilmPlayerHost extends ReactiveControllerHost {
  readonly language: Language;
  /** The caption (and transcript) language. */
  readonly captionLanguage: Language;
  readonly renderRoot: HTMLElement | DocumentFragment;
}

/** What the player may use of the widget's own code. */
export interface FilmPlayerAccess {
  /** Dispatches a typed `cl-*` event from the element. */
  emit<K extends ClEventName>(name: K, detail: ClEventDetail<K>): boolean;
  /** A provider's name and its watch page. */
  provider(provider: FilmProvider): ProviderInfo;
  /** Remembers in this browser that the reader agreed to films from `provider`. */
  rememberConsent(provider: FilmProvider): void;
}
