/**
 * Keys pressed in a widget stay in it. A page's script sees a key's target as the widget's element, not the field or
 * button inside its shadow root, so it takes the key for its own: ASP.NET's default button (WebForm_FireDefaultButton)
 * presses the page's search on Enter and cancels the key; a script that keeps Enter from sending the page's form
 * cancels it in a text box; a one-key shortcut takes a typed letter. So Enter and Space, and in a field every key, stop
 * at the widget's element. Escape, Tab, function keys and Ctrl or Meta shortcuts go on to the page, as from its own
 * fields; Ctrl with Alt is AltGr on Windows, which types letters (ŵ, ŷ), so it stays.
 */
export function keepKeysInside(event: KeyboardEvent): void {
  const { key } = event;
  if (/^(Escape|Tab|F\d+)$/.test(key) || ((event.ctrlKey || event.metaKey) && !event.altKey)) return;
  const inField = (event.composedPath()[0] as Element).matches('input,textarea,select');
  if (inField || key === 'Enter' || key === ' ') event.stopPropagation();
}

/**
 * The key events a widget keeps (src/internal/cl-element.ts listens on its element): the ones pages act on, and where
 * typing, a button's Enter and a form's Enter happen.
 */
export const KEY_EVENTS = ['keydown', 'keypress'] as const;
