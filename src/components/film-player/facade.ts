/**
 * The film player's first script where its HTML is prerendered (the "HTML with script" snippet, the CLI's `render`,
 * the film's embed pages), in a few lines as lite-youtube-embed's: the play button in the HTML works once this has run.
 * A press is kept and passed on to the widget once it has hydrated (kept-presses.ts), whose code comes on intent
 * (pointer over, focus, touch), on that press, or once the page is idle. Nothing comes from a film's host before consent.
 */
import { keepPresses } from '../../internal/kept-presses.js';

const TAG = 'cl-film-player';

let widgetCode: Promise<unknown> | undefined;
let failed = false;

/**
 * The widget's entry, with hydration beside it rather than after it; asked again on the next intent after a failure.
 * The first failure shows the players' view without scripts at once, as a widget's loader does (code-failed.ts, its
 * own small chunk here: the facade stays the size of the play button's work); if even that cannot come, the view
 * shows once `--cl-script-timeout` has passed.
 */
const loadWidget = (): void => {
  widgetCode ??= Promise.all([import('./define.js'), import('../../internal/hydrate.js')]).catch((error: unknown) => {
    widgetCode = undefined;
    if (failed) return;
    failed = true;
    import('../../internal/code-failed.js').then(
      ({ codeFailed }) => codeFailed(TAG, error),
      () => undefined,
    );
  });
};

/** The prerendered player an event happened in, while the widget's code has not come. */
function playerOf(event: Event): Element | undefined {
  const target = event.composedPath()[0];
  const root = target instanceof Node ? target.getRootNode() : undefined;
  return root instanceof ShadowRoot && root.host.localName === TAG && !customElements.get(TAG) ? root.host : undefined;
}

const listeners: [string, (event: Event) => void][] = [
  [
    'click',
    (event) => {
      if (!playerOf(event) || !(event.composedPath()[0] as Element).closest('[part~="play-button"]')) return;
      loadWidget();
      // The player's own code too, which the widget would ask for only once it has hydrated.
      import('./film-player.lazy.js').catch(() => undefined);
    },
  ],
  ...['pointerover', 'focusin', 'touchstart'].map((intent): [string, (event: Event) => void] => [
    intent,
    (event) => {
      if (playerOf(event)) loadWidget();
    },
  ]),
];
keepPresses();
// On the window, capturing: players parsed after this script are covered, and no listener of the page's can stop it.
for (const [type, listener] of listeners) addEventListener(type, listener, { capture: true, passive: true });
void customElements.whenDefined(TAG).then(() => {
  for (const [type, listener] of listeners) removeEventListener(type, listener, { capture: true });
});

// With no prerendered player there is no button to keep: the widget at once.
if (
  ![...document.getElementsByTagName(TAG)].some((host) => host.shadowRoot) ||
  typeof requestIdleCallback !== 'function'
)
  loadWidget();
else requestIdleCallback(loadWidget, { timeout: 2000 });
