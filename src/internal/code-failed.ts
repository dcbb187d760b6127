/**
 * What each widget's loader (rollup.config.mjs's `widgetLoaders`) does when the widget's code does not come: a chunk
 * missing from the partner's copy of the CDN folder, a failed request, a browser too old to read the code. Without
 * this, prerendered copies would keep controls that cannot work until `--cl-script-timeout` (8 s) has passed, and
 * the page would get an uncaught error. Inlined into each loader, so it imports nothing; the film player's facade
 * loads it as a chunk of its own, only when the widget's code failed.
 */
export function codeFailed(tag: string, error: unknown): void {
  console.warn(`compassionate-leadership-widgets: <${tag}> could not load its code:`, error);
  for (const element of document.getElementsByTagName(tag)) {
    // A browser without declarative shadow DOM (or HTML a script inserted) leaves the prerendered root a template.
    const template = element.querySelector<HTMLTemplateElement>(':scope>template[shadowrootmode]');
    if (!element.shadowRoot && template) {
      element.attachShadow({ mode: 'open' }).append(template.content);
      template.remove();
    }
    // The prerendered view without scripts (src/ssr/render.ts's SCRIPT_LATE_CSS), now rather than after the wait; a
    // plain element is left as the page made it.
    if (element.shadowRoot) (element as HTMLElement).style.setProperty('--cl-script-timeout', '0s');
  }
}
