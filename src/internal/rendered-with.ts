/**
 * What a prerendered element was rendered with, so its script can tell whether the page changed it before it ran:
 * the prerenderer (src/ssr/render.ts) writes it on the snippet's feed copy, hydration (hydrate.ts) reads it.
 */

/** On the snippet's feed copy: the digest of the attributes its element was rendered with. */
export const RENDERED_WITH_ATTRIBUTE = 'data-cl-rendered-with';

/**
 * A short digest (FNV-1a) of the `observed` attributes (the widget's own: a page's `class`, `id` or `style` are not
 * among them) as `attribute` gives them, in name order. Not `src`: the feed copy names its feed itself, and the
 * builder and the build's embed pages write the host into every address of a snippet after it was rendered.
 */
export function renderedWith(
  attribute: (name: string) => string | null | undefined,
  observed: Iterable<string>,
): string {
  let hash = 0x811c9dc5;
  for (const name of [...observed].sort()) {
    const value = name === 'src' ? null : attribute(name);
    if (value === null || value === undefined) continue;
    for (const char of `${name}=${value}\n`) hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193);
  }
  return (hash >>> 0).toString(36);
}
