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
