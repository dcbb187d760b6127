/**
 * The film player's first script where its HTML is prerendered (the "HTML with script" snippet, the CLI's `render`,
 * the film's embed pages), in a few lines as lite-youtube-embed's: the play button in the HTML works once this has run.
 * A press is kept and passed on to the widget (film-player.ts, `hydrated`), whose code comes on intent (pointer over,
 * focus, touch), on that press, or once the page is idle. Nothing comes from a film's host before consent.
 */

const TAG = 'cl-film-player';

/** Prerendered players pressed before the widget's code came. The same global set as film-player.ts's. */
const pressedBeforeScript = ((globalThis as unknown as Record<symbol, WeakSet<Element>>)[
  Symbol.for('compassionate-leadership-widgets.film-pressed')
] ??= new WeakSet());

let widgetCode: Promise<unknown> | undefined;

/** The widget's entry, with hydration beside it rather than after it; asked again after a failure. */
const loadWidget = (): void => {
  widgetCode ??= Promise.all([import('./define.js'), import('../../internal/hydrate.js')]).catch(() => {
    widgetCode = undefined;
  });
};

const prerendered = [...document.getElementsByTagName(TAG)].filter((host) => host.shadowRoot);
for (const host of prerendered) {
  host.shadowRoot!.addEventListener('click', (event) => {
    // Once the widget is defined, its own button handles the press.
    if (customElements.get(TAG) || !(event.target as Element).closest('[part~="play-button"]')) return;
    pressedBeforeScript.add(host);
    loadWidget();
    // The player's own code too, which the widget would ask for only once it has hydrated.
    import('./film-player.lazy.js').catch(() => undefined);
  });
  for (const intent of ['pointerover', 'focusin', 'touchstart'])
    host.addEventListener(intent, loadWidget, { passive: true });
}
// With no prerendered player there is no button to keep: the widget at once.
if (prerendered.length === 0 || typeof requestIdleCallback !== 'function') loadWidget();
else requestIdleCallback(loadWidget, { timeout: 2000 });
