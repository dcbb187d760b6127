/*
 * What both halves of <cl-resource-list> share: the element (resource-list.ts)
 * and the code it loads on a reader's first action (resource-list.lazy.ts).
 * Neither imports the other's module for these, so there is no cycle.
 */
import type { ReactiveControllerHost } from 'lit';
import { SORT_ORDERS, type SortOrder } from './resource-search.js';

export interface ResourceOpenDetail {
  id: string;
  url: string;
}

export interface ResourceFilterDetail {
  query: string;
  /** '' for every type. */
  type: string;
  /** '' for every topic. */
  topic: string;
  /** '' for any language. */
  resourceLang: string;
  count: number;
}

/** The count is announced once typing pauses this long, not on every keystroke. */
export const TYPING_PAUSE_MS = 500;

/**
 * What the reader has chosen. It starts from the author's attributes and is
 * kept apart from them: a reader's choice never rewrites the page's markup.
 */
export interface ReaderState {
  query: string;
  /** '' for every type. */
  type: string;
  /** '' for every topic. */
  topic: string;
  /** '' for any language. */
  resourceLang: string;
  sort: SortOrder;
  page: number;
}

/** The choices a reader makes with a select. */
export type FilterKey = 'type' | 'topic' | 'resourceLang' | 'sort';

export const isSort = (value: string): value is SortOrder => (SORT_ORDERS as readonly string[]).includes(value);

export function positiveInt(value: unknown): number | undefined {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : undefined;
}

/**
 * All that the lazily loaded ResourceListActions may see and do in its
 * widget. The element is the one owner of the reader's state: the actions
 * read it here and hand back a new one with `showReaderState`.
 */
export interface ResourceListHost {
  /** The element: the controller attaches to it and fires its events on it. */
  readonly element: ReactiveControllerHost & EventTarget;
  /** Whether the reader's state is kept in the page's address (`sync-url`). */
  syncsUrl(): boolean;
  /** The state the author's attributes start the reader at (a new object each call). */
  startState(): ReaderState;
  /** The reader's state on screen. */
  readerState(): ReaderState;
  /** Shows `state` instead: the one way the reader's state changes. */
  showReaderState(state: ReaderState): void;
  /** How many resources match the reader's state on screen; undefined until the feed is ready. */
  countMatches(): number | undefined;
  /** The item that takes focus after moving to `page`: its first, or for "Show more" the first added. */
  firstItemOf(page: number): HTMLElement | undefined;
  /** The search box, where a reader starts again after "Clear filters". */
  searchBox(): HTMLElement | undefined;
}
