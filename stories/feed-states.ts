import { expect, waitFor } from 'storybook/test';

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
