/**
 * The reactive base every element of the library is built on: declared properties and their attributes, batched
 * updates, controllers, styles, and lit-html to render. It is the part of Lit's `ReactiveElement` and `LitElement`
 * the widgets use, in under half the bytes: the property options below, and no decorators, converters, `hasChanged`,
 * async directives or `<style>` fallbacks. Its lifecycle is Lit's, in the same order (`willUpdate`, controllers'
 * `hostUpdate`, `update`, `hostUpdated`, `firstUpdated`, `updated`), so Lit's documentation describes it;
 * prerendering has its own renderer (src/ssr/render.ts) and hydration patches `commit` (src/internal/hydrate.ts).
 */
import { render, type RenderOptions } from 'lit/html.js';

/** True when prerendering in Node: there is no window there. */
export const isServer = typeof window === 'undefined';

/** A style sheet from a `css` template; its constructable sheet is made on first use, once, in the browser. */
export class CSSResult {
  #sheet: CSSStyleSheet | undefined;
  constructor(readonly cssText: string) {}
  get styleSheet(): CSSStyleSheet {
    if (!this.#sheet) (this.#sheet = new CSSStyleSheet()).replaceSync(this.cssText);
    return this.#sheet;
  }
}

/** Tags a style sheet (no interpolation: every sheet of the library is plain text). */
export const css = (strings: TemplateStringsArray): CSSResult => new CSSResult(strings.join(''));

/**
 * Gives `root` these sheets, in place of those it had. Every browser that runs the library's code (ES2022, static
 * blocks included) shares constructed sheets, so there is no `<style>` fallback.
 */
export function adoptStyles(root: ShadowRoot, styles: readonly CSSResult[]): void {
  root.adoptedStyleSheets = styles.map((style) => style.styleSheet);
}

export interface PropertyDeclaration {
  /** How the attribute reads: `Boolean` (present or not), `Number`, else the text as it is. */
  type?: BooleanConstructor | NumberConstructor;
  /** The attribute's name; the property's in lower case unless given. */
  attribute?: string;
  /** Writes the property back to its attribute after each change. */
  reflect?: boolean;
  /** The first value set (the class field's) is the default: not reflected, and restored when the attribute goes. */
  useDefault?: boolean;
  /** Internal state: no attribute. */
  state?: boolean;
}

export type PropertyDeclarations = Record<string, PropertyDeclaration>;
export type PropertyValues = Map<PropertyKey, unknown>;

export interface ReactiveController {
  hostConnected?(): void;
  hostDisconnected?(): void;
  hostUpdate?(): void;
  hostUpdated?(): void;
}

export interface ReactiveControllerHost {
  addController(controller: ReactiveController): void;
  requestUpdate(): void;
  readonly updateComplete: Promise<boolean>;
}

interface ClassMeta {
  properties: Map<string, PropertyDeclaration>;
  /** Attribute name to property name. */
  attributes: Map<string, string>;
}

const metas = new WeakMap<object, ClassMeta>();

const attributeOf = (name: string, options: PropertyDeclaration): string | undefined =>
  options.state ? undefined : (options.attribute ?? name.toLowerCase());

/**
 * In Node without a DOM the module still loads (the feed API, `compassionate-leadership-widgets/feed`, imports it):
 * a stand-in that is never constructed there. Prerendering sets Lit's `HTMLElement` first (src/ssr/dom.ts).
 */
const HTMLElementBase = globalThis.HTMLElement ?? (Object as unknown as typeof HTMLElement);

export abstract class BaseElement extends HTMLElementBase implements ReactiveControllerHost {
  /** The element's properties and their options; a subclass's add to its parent's. */
  static properties: PropertyDeclarations = {};
  static styles: CSSResult | CSSResult[] = [];
  static shadowRootOptions: ShadowRootInit = { mode: 'open' };

  /** The class's styles as one list, in order. */
  static get elementStyles(): CSSResult[] {
    return [this.styles].flat();
  }

  static get observedAttributes(): string[] {
    return [...BaseElement.#meta(this).attributes.keys()];
  }

  /** The class's properties, its parents' first; each gets its accessor on first use of the class. */
  static #meta(ctor: typeof BaseElement): ClassMeta {
    let meta = metas.get(ctor);
    if (meta) return meta;
    const parent = Object.getPrototypeOf(ctor) as typeof BaseElement;
    const inherited =
      parent === BaseElement || !(parent.prototype instanceof BaseElement) ? undefined : this.#meta(parent);
    meta = { properties: new Map(inherited?.properties), attributes: new Map(inherited?.attributes) };
    if (Object.hasOwn(ctor, 'properties')) {
      for (const [name, options] of Object.entries(ctor.properties)) {
        meta.properties.set(name, options);
        const attribute = attributeOf(name, options);
        if (attribute) meta.attributes.set(attribute, name);
        Object.defineProperty(ctor.prototype, name, {
          get(this: BaseElement) {
            return this.#values.get(name);
          },
          set(this: BaseElement, value: unknown) {
            const old = this.#values.get(name);
            this.#values.set(name, value);
            this.#changed(name, old, value, options);
          },
          configurable: true,
          enumerable: true,
        });
      }
    }
    metas.set(ctor, meta);
    return meta;
  }

  /** The shadow root the element renders into, made at its first connection. */
  renderRoot!: ShadowRoot;
  readonly renderOptions: RenderOptions = { host: this };
  /** True from a change until the update that renders it has run. */
  isUpdatePending = false;
  /** True once the element has rendered. */
  hasUpdated = false;

  readonly #values = new Map<string, unknown>();
  readonly #defaults = new Map<string, unknown>();
  #changedProperties: PropertyValues = new Map();
  #reflectPending = new Set<string>();
  /** The property being set from its attribute, so it is not written back. */
  #fromAttribute: string | undefined;
  /** Properties set on the element before it was upgraded: applied at the first update, over the class's defaults. */
  #beforeUpgrade: Map<string, unknown> | undefined;
  readonly #controllers = new Set<ReactiveController>();
  #updatePromise: Promise<boolean>;
  #enableUpdating!: (value: boolean) => void;

  constructor() {
    super();
    for (const name of BaseElement.#meta(this.constructor as typeof BaseElement).properties.keys()) {
      if (!Object.hasOwn(this, name)) continue;
      (this.#beforeUpgrade ??= new Map()).set(name, this[name as keyof this]);
      Reflect.deleteProperty(this, name);
    }
    this.#updatePromise = new Promise((resolve) => (this.#enableUpdating = resolve));
    this.requestUpdate();
  }

  addController(controller: ReactiveController): void {
    this.#controllers.add(controller);
    if (this.renderRoot && this.isConnected) controller.hostConnected?.();
  }

  connectedCallback(): void {
    this.renderRoot ??= this.createRenderRoot();
    this.#enableUpdating(true);
    for (const controller of this.#controllers) controller.hostConnected?.();
  }

  disconnectedCallback(): void {
    for (const controller of this.#controllers) controller.hostDisconnected?.();
  }

  attributeChangedCallback(attribute: string, _old: string | null, value: string | null): void {
    const name = BaseElement.#meta(this.constructor as typeof BaseElement).attributes.get(attribute);
    if (name === undefined || this.#fromAttribute === name) return;
    const { type } = BaseElement.#meta(this.constructor as typeof BaseElement).properties.get(name)!;
    this.#fromAttribute = name;
    const converted = type === Boolean ? value !== null : value !== null && type === Number ? Number(value) : value;
    (this as Record<string, unknown>)[name] = converted ?? this.#defaults.get(name) ?? converted;
    this.#fromAttribute = undefined;
  }

  /** Asks for an update in a microtask; changes made before it runs share it. */
  requestUpdate(): void {
    if (!this.isUpdatePending) this.#updatePromise = this.#enqueueUpdate();
  }

  /** Settles once the element has rendered its latest changes: `true`, or `false` if another update is pending. */
  get updateComplete(): Promise<boolean> {
    return this.getUpdateComplete();
  }

  protected getUpdateComplete(): Promise<boolean> {
    return this.#updatePromise;
  }

  protected createRenderRoot(): ShadowRoot {
    const ctor = this.constructor as typeof BaseElement;
    // A shadow root that came with the HTML is emptied and given back (src/internal/hydrate.ts keeps it instead).
    const root = this.attachShadow(ctor.shadowRootOptions);
    adoptStyles(root, ctor.elementStyles);
    return root;
  }

  protected willUpdate(_changed: PropertyValues): void {}
  protected firstUpdated(_changed: PropertyValues): void {}
  protected updated(_changed: PropertyValues): void {}
  protected render(): unknown {
    return undefined;
  }

  /** Renders: the template first, then reflected attributes, then the DOM. */
  protected update(_changed: PropertyValues): void {
    const value = this.render();
    for (const name of this.#reflectPending) this.#reflect(name);
    this.#reflectPending.clear();
    this.#markUpdated();
    this.commit(value);
  }

  /** Puts a render's result into the render root. */
  protected commit(value: unknown): void {
    render(value, this.renderRoot, this.renderOptions);
  }

  /** @internal Prerendering (src/ssr/render.ts): the element's template, after `willUpdate` has seen its attributes. */
  prerender(): unknown {
    this.willUpdate(this.#changedProperties);
    return this.render();
  }

  #changed(name: string, old: unknown, value: unknown, options: PropertyDeclaration): void {
    if (old === value || (old !== old && value !== value)) return;
    if (options.useDefault && !this.#defaults.has(name)) {
      this.#defaults.set(name, value);
      return;
    }
    if (!this.#changedProperties.has(name))
      this.#changedProperties.set(name, this.hasUpdated || options.useDefault ? old : undefined);
    if (options.reflect && this.#fromAttribute !== name) this.#reflectPending.add(name);
    this.requestUpdate();
  }

  #reflect(name: string): void {
    const options = BaseElement.#meta(this.constructor as typeof BaseElement).properties.get(name)!;
    const attribute = attributeOf(name, options)!;
    const value = (this as Record<string, unknown>)[name];
    this.#fromAttribute = name;
    if (options.type === Boolean ? !value : value == null) this.removeAttribute(attribute);
    else this.setAttribute(attribute, options.type === Boolean ? '' : String(value));
    this.#fromAttribute = undefined;
  }

  async #enqueueUpdate(): Promise<boolean> {
    this.isUpdatePending = true;
    try {
      await this.#updatePromise;
    } catch {
      // The update before this one threw (its promise reported it): this one goes ahead.
    }
    this.#performUpdate();
    return !this.isUpdatePending;
  }

  #performUpdate(): void {
    if (!this.isUpdatePending) return;
    if (!this.hasUpdated) {
      this.renderRoot ??= this.createRenderRoot();
      if (this.#beforeUpgrade)
        for (const [name, value] of this.#beforeUpgrade) (this as Record<string, unknown>)[name] = value;
      this.#beforeUpgrade = undefined;
    }
    const changed = this.#changedProperties;
    try {
      this.willUpdate(changed);
      for (const controller of this.#controllers) controller.hostUpdate?.();
      this.update(changed);
    } catch (error) {
      this.#markUpdated();
      throw error;
    }
    for (const controller of this.#controllers) controller.hostUpdated?.();
    if (!this.hasUpdated) {
      this.hasUpdated = true;
      this.firstUpdated(changed);
    }
    this.updated(changed);
  }

  #markUpdated(): void {
    this.#changedProperties = new Map();
    this.isUpdatePending = false;
  }
}
