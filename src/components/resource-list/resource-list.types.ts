/*
 * The types both halves of <cl-resource-list> share: the element
 * (resource-list.ts) and the code it loads on a reader's first action
 * (resource-list.lazy.ts). Types only: a value the lazy half imported from
 * the element's side would make the build split the entry into a facade.
 */
import type { ReactiveControllerHost } from '../../internal/base-element.js';
import type { SortOrder } from './resource-search.js';

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
  /** With a local layer: 'local' or 'national' for one layer's resources, '' for everyone's. */
  from: string;
  count: number;
}

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
  /** 'local', 'national', or '' for every layer's resources. */
  from: string;
  sort: SortOrder;
  page: number;
}

/** The choices a reader makes with a select. */
export type FilterKey = 'type' | 'topic' | 'resourceLang' | 'from' | 'sort';

/**
 * All that the lazily loaded ResourceListActions may see and do in its
 * widget. The element is the one owner of the reader's state: the actions
 * read it here and hand back a new one with `showReaderState`.
 */
export interface ResourceListHost {
  /** The element: the controller attaches to it, fires its events on it and moves focus in its shadow root. */
  readonly element: ReactiveControllerHost &
    EventTarget & {
      readonly renderRoot: ParentNode;
      /** Whether the reader's state is kept in the page's address. */
      readonly syncUrl: boolean;
    };
  /** The state the author's attributes start the reader at (a new object each call). */
  startState(): ReaderState;
  /** The reader's state on screen (never changed in place). */
  readerState(): ReaderState;
  /** Shows `state` instead: the one way the reader's state changes. The element checks its sort and page. */
  showReaderState(state: ReaderState): void;
  /** How many resources match the reader's state on screen; undefined until the feed is ready. */
  countMatches(): number | undefined;
}
