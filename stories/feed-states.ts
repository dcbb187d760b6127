import { expect, waitFor } from 'storybook/test';
import { localStore } from '../src/internal/storage.js';

/** Every feed widget's loading state: one busy status, its skeleton hidden from assistive technology. */
export async function expectLoadingState(root: ShadowRoot): Promise<void> {
  await waitFor(() => expect(root.querySelectorAll('[aria-busy="true"][role="status"]')).toHaveLength(1));
  await expect(root.querySelector('[aria-busy="true"] [aria-hidden="true"]')).toBeTruthy();
}

/** Every feed widget's error state: the panel, once the feed has failed. */
export async function expectErrorPanel(root: ShadowRoot): Promise<Element> {
  await waitFor(() => expect(root.querySelector('[part~="error"]')).toBeTruthy());
  return root.querySelector('[part~="error"]')!;
}

/**
 * Seeds the store's last good copy for `src` (as if `feed`, fetched from
 * `savedFrom`, had loaded there earlier); returns the clean-up for a story's beforeEach.
 */
export function saveLastGoodCopy(src: string, savedFrom: string, feed: unknown): () => void {
  const url = new URL(src, document.baseURI).href;
  localStore.set(`feed:${url}`, {
    url: new URL(savedFrom, document.baseURI).href,
    savedAt: Date.UTC(2026, 10, 20, 9, 30),
    data: feed,
  });
  return () => localStore.remove(`feed:${url}`);
}

/** The shadow root of the story's widget. */
export const shadowOf = (canvasElement: HTMLElement, tag: string): ShadowRoot =>
  canvasElement.querySelector(tag)!.shadowRoot!;

/** Waits for the widget's content (elements with `part`), so a play function never acts on the loading state. */
export async function loadedParts(root: ShadowRoot, part: string): Promise<HTMLElement[]> {
  await waitFor(() => expect(root.querySelectorAll(`[part~="${part}"]`).length).toBeGreaterThan(0), { timeout: 5000 });
  return [...root.querySelectorAll<HTMLElement>(`[part~="${part}"]`)];
}
