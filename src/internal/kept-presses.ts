/**
 * Presses on a prerendered widget's buttons made before its code came (a card's practice points, a page of the
 * resource list, a film in the playlist, play): the buttons are kept here, in order, and pressed again once the
 * widget has hydrated them (hydrate.ts's `pressAgain`), so a reader on a slow connection need not press twice. Run by
 * each widget's loader (rollup.config.mjs's `widgetLoaders`) and the film player's facade; inlined into each loader,
 * so it imports nothing.
 */

/** The buttons pressed in widgets not yet defined: on globalThis, so one listener serves every loader and copy. */
export const KEPT_PRESSES = Symbol.for('compassionate-leadership-widgets.kept-presses');

export type KeptPresses = Element[];

/** Keeps each button pressed inside a `cl-` element whose shadow root came with the HTML, until its tag is defined. */
export function keepPresses(): void {
  const holder = globalThis as unknown as Record<symbol, KeptPresses | undefined>;
  if (holder[KEPT_PRESSES]) return;
  const kept: KeptPresses = (holder[KEPT_PRESSES] = []);
  // On the window, capturing: widgets parsed after this script are covered, and no listener of the page's can stop it.
  addEventListener(
    'click',
    (event) => {
      const button = (event.composedPath()[0] as Element).closest?.('button');
      const tag = (button?.getRootNode() as ShadowRoot | undefined)?.host?.localName;
      if (tag?.startsWith('cl-') && !customElements.get(tag)) kept.push(button!);
    },
    true,
  );
}
