import { expect } from '@open-wc/testing';
import { html } from 'lit/html.js';
import {
  BaseElement,
  css,
  type PropertyDeclarations,
  type PropertyValues,
  type ReactiveController,
} from '../src/internal/base-element.js';
import { uniqueName } from './harness.js';

/** A small element on the base, recording what the base tells it. */
class Probe extends BaseElement {
  static override styles = css`
    :host {
      display: block;
    }
  `;
  static override properties: PropertyDeclarations = {
    label: { reflect: true, useDefault: true },
    size: { type: Number, reflect: true, useDefault: true },
    open: { type: Boolean, reflect: true },
    count: { state: true },
  };
  label = 'default';
  size = 3;
  open = false;
  count = 0;
  renders = 0;
  changes: PropertyValues[] = [];
  fail = false;

  protected override willUpdate(changed: PropertyValues): void {
    this.changes.push(new Map(changed));
  }

  protected override render() {
    if (this.fail) throw new Error('render failed');
    this.renders += 1;
    return html`<p>${this.label} ${this.size} ${this.open} ${this.count}</p>`;
  }
}

function define(ctor: CustomElementConstructor = class extends Probe {}): string {
  const tag = `x-base-${uniqueName('probe')}`;
  customElements.define(tag, ctor);
  return tag;
}

const mounted: Element[] = [];

async function mount(markup: string): Promise<Probe> {
  const host = document.createElement('div');
  host.innerHTML = markup;
  document.body.append(host);
  mounted.push(host);
  const element = host.firstElementChild as Probe;
  await element.updateComplete;
  return element;
}

const text = (element: Probe) => element.shadowRoot!.querySelector('p')!.textContent;

describe('BaseElement (the reactive base of every element)', () => {
  afterEach(() => {
    for (const host of mounted.splice(0)) host.remove();
  });

  it('reads its attributes into typed properties and renders them', async () => {
    const tag = define();
    const element = await mount(`<${tag} label="given" size="12" open></${tag}>`);
    expect([element.label, element.size, element.open]).to.deep.equal(['given', 12, true]);
    expect(text(element)).to.equal('given 12 true 0');
  });

  it('writes a changed property back to its attribute, but never a class default', async () => {
    const tag = define();
    const element = await mount(`<${tag}></${tag}>`);
    expect(element.getAttributeNames()).to.deep.equal([]);
    element.label = 'set';
    element.size = 7;
    element.open = true;
    element.count = 2;
    await element.updateComplete;
    expect(element.getAttribute('label')).to.equal('set');
    expect(element.getAttribute('size')).to.equal('7');
    expect(element.getAttribute('open')).to.equal('');
    expect(element.hasAttribute('count'), 'state has no attribute').to.equal(false);
    element.open = false;
    await element.updateComplete;
    expect(element.hasAttribute('open')).to.equal(false);
  });

  it('restores the default when the attribute is removed', async () => {
    const tag = define();
    const element = await mount(`<${tag} label="given" size="9"></${tag}>`);
    element.removeAttribute('label');
    element.removeAttribute('size');
    await element.updateComplete;
    expect([element.label, element.size]).to.deep.equal(['default', 3]);
    expect(text(element)).to.equal('default 3 false 0');
  });

  it('keeps properties set before the upgrade, over the class defaults', async () => {
    const tag = `x-base-${uniqueName('late')}`;
    const element = document.createElement(tag) as Probe;
    (element as unknown as Record<string, unknown>).label = 'early';
    document.body.append(element);
    customElements.define(tag, class extends Probe {});
    await element.updateComplete;
    expect(element.label).to.equal('early');
    expect(element.getAttribute('label')).to.equal('early');
    expect(text(element)).to.equal('early 3 false 0');
    element.remove();
  });

  it("keeps its parent's properties and attributes in a subclass that declares more", async () => {
    class Extended extends Probe {
      static override properties: PropertyDeclarations = { tone: { reflect: true } };
      tone = 'calm';
    }
    const tag = define(Extended);
    const element = (await mount(`<${tag} label="given" tone="bright"></${tag}>`)) as Extended;
    expect([element.label, element.tone]).to.deep.equal(['given', 'bright']);
    element.removeAttribute('label');
    element.tone = 'plain';
    await element.updateComplete;
    expect([element.label, element.getAttribute('tone')]).to.deep.equal(['default', 'plain']);
    expect(Extended.observedAttributes).to.include.members(['label', 'size', 'open', 'tone']);
  });

  it('renders several changes made together once, telling each old value', async () => {
    const tag = define();
    const element = await mount(`<${tag}></${tag}>`);
    const before = element.renders;
    element.changes = [];
    element.label = 'one';
    element.label = 'two';
    element.size = 4;
    element.size = 4;
    await element.updateComplete;
    expect(element.renders - before).to.equal(1);
    expect([...element.changes[0]!]).to.deep.equal([
      ['label', 'default'],
      ['size', 3],
    ]);
  });

  it("calls its controllers' hooks in Lit's order", async () => {
    const tag = define();
    const element = document.createElement(tag) as Probe;
    const calls: string[] = [];
    const controller: ReactiveController = {
      hostConnected: () => calls.push('connected'),
      hostUpdate: () => calls.push(`update (rendered ${element.renders})`),
      hostUpdated: () => calls.push(`updated (rendered ${element.renders})`),
      hostDisconnected: () => calls.push('disconnected'),
    };
    element.addController(controller);
    document.body.append(element);
    await element.updateComplete;
    element.remove();
    expect(calls).to.deep.equal(['connected', 'update (rendered 0)', 'updated (rendered 1)', 'disconnected']);
  });

  it('shares one style sheet between its instances', async () => {
    const tag = define();
    const [a, b] = [await mount(`<${tag}></${tag}>`), await mount(`<${tag}></${tag}>`)];
    expect(a.shadowRoot!.adoptedStyleSheets).to.have.length(1);
    expect(a.shadowRoot!.adoptedStyleSheets[0]).to.equal(b.shadowRoot!.adoptedStyleSheets[0]);
    expect(getComputedStyle(a).display).to.equal('block');
  });

  it('rejects updateComplete when a render throws, and updates again on the next change', async () => {
    const tag = define();
    const element = await mount(`<${tag}></${tag}>`);
    element.fail = true;
    element.label = 'broken';
    const error = await element.updateComplete.then(
      () => undefined,
      (reason: Error) => reason,
    );
    expect(error?.message).to.equal('render failed');
    element.fail = false;
    element.label = 'mended';
    await element.updateComplete;
    expect(text(element)).to.equal('mended 3 false 0');
  });

  it('empties a shadow root that came with the HTML and renders afresh (no duplicate) when not hydrating', async () => {
    const tag = define();
    const host = document.createElement('div');
    host.setHTMLUnsafe(`<${tag}><template shadowrootmode="open"><p>prerendered</p></template></${tag}>`);
    document.body.append(host);
    mounted.push(host);
    const element = host.firstElementChild as Probe;
    await element.updateComplete;
    expect(element.shadowRoot!.querySelectorAll('p')).to.have.length(1);
    expect(text(element)).to.equal('default 3 false 0');
  });
});
