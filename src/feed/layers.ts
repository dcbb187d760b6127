import type { Feed } from './schema.js';
import { SECTIONS } from './schema-common.js';
import type { FeedEntry, FeedState } from './store.js';
import { layerStrings } from './layers.strings.js';

/*
 * A local layer: a partner's own feed (same schema, any section may be
 * absent) shown beside the national one. Its items are added; one with a
 * national item's id replaces that item in place; its `hide` list hides
 * national items; its `contact`, when given, is the page's contact route.
 * Items that came from the local layer carry `layer: 'local'`, and the
 * merged feed names both publishers, so widgets can say where each item is
 * from and the resource list can filter by it.
 */

type Ready = Extract<FeedState, { status: 'ready' }>;
type Item = { id: string; layer?: 'local' };

/** The national feed with the local layer's items added, replaced and hidden. */
export function mergeLayers(national: Feed, local: Feed): Feed {
  const hidden = new Set(local.hide ?? []);
  const merged: Feed = {
    ...national,
    publishers: {
      ...(national.source?.name && { national: national.source.name }),
      ...(local.source?.name && { local: local.source.name }),
    },
  };
  if (local.contact) merged.contact = local.contact;
  for (const section of SECTIONS) {
    const replacements = new Map<string, Item>(
      (local[section] as Item[]).map((item) => [item.id, { ...item, layer: 'local' }]),
    );
    const kept = (national[section] as Item[])
      .filter((item) => !hidden.has(item.id) || replacements.has(item.id))
      .map((item) => {
        const replacement = replacements.get(item.id);
        replacements.delete(item.id);
        return replacement ?? item;
      });
    const added = [...replacements.values()];
    // Topics keep the national order (they label filters); other sections put local items where `order` says.
    const first = local.order === 'first' && section !== 'topics';
    (merged[section] as Item[]) = first ? [...added, ...kept] : [...kept, ...added];
  }
  return merged;
}

const failed = (layer: 'national' | 'local') => ({ layer, notice: layerStrings[layer] });

const EMPTY: Feed = { version: 1, topics: [], principles: [], behaviours: [], films: [], resources: [] };

/**
 * The two layers' states as one: loading until both have answered, whole (so local
 * items never pop in after the national ones are read); when one layer
 * fails, the other's content with `layerFailed` naming the failed one; an
 * error only when both fail.
 */
export function combineLayers(national: FeedState, local: FeedState): FeedState {
  if (national.status === 'loading' || local.status === 'loading') return { status: 'loading' };
  // A long list read in part (its first items, the rest once the page is idle) is merged once it is whole.
  const partial = (state: FeedState) => state.status === 'ready' && !!state.partial;
  if ((partial(national) && local.status !== 'error') || (partial(local) && national.status !== 'error'))
    return { status: 'loading' };
  if (national.status === 'error' && local.status === 'error') return national;
  if (local.status === 'error') return { ...(national as Ready), layerFailed: failed('local') };
  const localReady = local as Ready;
  const problems = localReady.problems.map((p) => ({ ...p, path: `local: ${p.path}` }));
  if (national.status === 'error') {
    return { ...localReady, feed: mergeLayers(EMPTY, localReady.feed), problems, layerFailed: failed('national') };
  }
  const savedAt = [national.savedAt, localReady.savedAt].filter((at) => at !== undefined);
  return {
    status: 'ready',
    feed: mergeLayers(national.feed, localReady.feed),
    problems: [...national.problems, ...problems],
    stale: national.stale || localReady.stale,
    ...((national.widened || localReady.widened) && { widened: true }),
    ...(savedAt.length > 0 && { savedAt: Math.min(...savedAt) }),
  };
}

class LayeredEntry implements FeedEntry {
  state: FeedState;
  readonly #listeners = new Set<(state: FeedState) => void>();

  constructor(
    readonly national: FeedEntry,
    readonly local: FeedEntry,
  ) {
    this.state = combineLayers(national.state, local.state);
    const update = () => {
      this.state = combineLayers(national.state, local.state);
      for (const listener of this.#listeners) listener(this.state);
    };
    // Entries live as long as the page (the store keeps them): so does this subscription.
    national.subscribe(update);
    local.subscribe(update);
  }

  get url(): string {
    return this.national.url;
  }

  subscribe(listener: (state: FeedState) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  /** Fetches again the layer that failed, or both (when both failed, or a saved copy is shown). */
  reload(): void {
    const { state } = this;
    const failedLayer = state.status === 'ready' && !state.stale ? state.layerFailed?.layer : undefined;
    if (failedLayer !== 'local') this.national.reload();
    if (failedLayer !== 'national') this.local.reload();
  }
}

const layered = new Map<string, LayeredEntry>();

/** The shared entry of `national` with `local` laid over it: each layer is still fetched once per page. */
export function layeredEntry(national: FeedEntry, local: FeedEntry): FeedEntry {
  const key = `${national.url}\n${local.url}`;
  let entry = layered.get(key);
  if (!entry) layered.set(key, (entry = new LayeredEntry(national, local)));
  return entry;
}
