import type { BaseElement } from './base-element.js';
import { VERSION } from './version.js';

const VERSIONS = Symbol.for('compassionate-leadership-widgets.versions');

type VersionRegistry = Map<string, string>;

function versionRegistry(): VersionRegistry {
  const holder = globalThis as unknown as Record<symbol, VersionRegistry | undefined>;
  return (holder[VERSIONS] ??= new Map());
}

/**
 * Registers `tag` once per page. A tag that is already defined (the library
 * loaded twice, from a CDN and from npm) is left alone, so a second copy
 * never throws into the host page; a warning is printed only when the copies'
 * versions differ, because then the page runs the first copy's behaviour.
 */
export function defineElement(tag: string, ctor: CustomElementConstructor): void {
  if (customElements.get(tag) || ![...document.getElementsByTagName(tag)].some((element) => element.shadowRoot)) {
    register(tag, ctor);
    return;
  }
  // Prerendered copies on the page: hydration first, so they upgrade in place. Without it they still work, re-rendered.
  hydration ??= import('./hydrate.js');
  void hydration.then(
    ({ readSeeds }) => {
      readSeeds(tag, ctor as unknown as typeof BaseElement);
      register(tag, ctor);
    },
    () => register(tag, ctor),
  );
}

let hydration: Promise<typeof import('./hydrate.js')> | undefined;

function register(tag: string, ctor: CustomElementConstructor): void {
  const registry = versionRegistry();
  if (customElements.get(tag)) {
    const first = registry.get(tag);
    if (first !== undefined && first !== VERSION) {
      console.warn(
        `compassionate-leadership-widgets: <${tag}> is already defined by version ${first}; version ${VERSION} is not used for it.`,
      );
    }
    return;
  }
  customElements.define(tag, ctor);
  registry.set(tag, VERSION);
}
