/**
 * The guarded storage adapter: the only code that touches Web Storage.
 * localStorage and sessionStorage may be missing or throw (sandboxed iframes,
 * blocked cookies, a full quota); then values live in memory for the page's
 * life. Every key is prefixed so the host page's own keys are never read,
 * overwritten or cleared, and each value is capped.
 */

import { toJson } from './json.js';

export const STORAGE_PREFIX = 'cl-widgets:';
export const MAX_VALUE_CHARS = 1_000_000;

export interface GuardedStorage {
  get<T = unknown>(key: string): T | undefined;
  /** Returns false when the value was not kept in Web Storage (too large or refused). */
  set(key: string, value: unknown): boolean;
  remove(key: string): void;
}

type Area = 'local' | 'session';

const memory: Record<Area, Map<string, string>> = { local: new Map(), session: new Map() };

/**
 * The area's Web Storage. Reading it may throw (blocked storage) and it may be missing (no DOM): every caller
 * is inside a try, and a missing one throws there as a blocked one does, so both end in memory.
 */
const webStorage = (area: Area): Storage => globalThis[`${area}Storage`];

function create(area: Area): GuardedStorage {
  const mem = memory[area];
  return {
    get<T>(key: string): T | undefined {
      const full = STORAGE_PREFIX + key;
      try {
        return JSON.parse(mem.get(full) ?? webStorage(area).getItem(full) ?? '') as T;
      } catch {
        // Blocked or missing storage, nothing stored, or a value that is not JSON.
        return undefined;
      }
    },
    set(key: string, value: unknown): boolean {
      const full = STORAGE_PREFIX + key;
      const raw = toJson(value);
      if (raw.length > MAX_VALUE_CHARS) {
        this.remove(key);
        return false;
      }
      try {
        webStorage(area).setItem(full, raw);
        mem.delete(full);
        return true;
      } catch {
        mem.set(full, raw);
        return false;
      }
    },
    remove(key: string): void {
      const full = STORAGE_PREFIX + key;
      mem.delete(full);
      try {
        webStorage(area).removeItem(full);
      } catch {
        // Storage blocked or missing: the memory copy is already gone.
      }
    },
  };
}

/** Kept across visits: last good feed copies, film consent. */
export const localStore: GuardedStorage = create('local');
/** Kept for the tab's life: contact drafts. */
export const sessionStore: GuardedStorage = create('session');
