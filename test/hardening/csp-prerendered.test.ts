import { expect } from '@open-wc/testing';
import type { BaseElement } from '../../src/internal/base-element.js';
import { part, server, visibleText, until } from '../harness.js';
import {
  CDN,
  closePages,
  elementsIn,
  keptElements,
  openPrerendered,
  type PrerenderedPage,
} from '../prerendered-page.js';

/*
 * The recommended path on a partner page with a strict Content-Security-Policy (a meta tag: the widget's scripts,
 * feed and media from the project's server; no inline style). The policy blocks the `<style>` in a snippet's
 * declarative shadow root, so its content is unstyled until the script runs; hydration then gives the widget its own
 * style sheets, in place, Trusted Types required or not. With the hash `render` prints (`styleHash` in the build's
 * prerendered JSON) in style-src, the snippet is styled before any script.
 */

const WIDGETS = ['principle-cards', 'film-player', 'resource-list', 'contact-form'];
const policy = (styleSources = '') =>
  `default-src 'none'; script-src ${server}; connect-src ${server}; img-src ${server}; media-src ${server}; style-src 'self'${styleSources}`;

/** What the test uses of the Trusted Types API (not in TypeScript's DOM types). */
interface TrustedTypesFactory {
  createPolicy(
    name: string,
    rules: { createScriptURL(url: string): string },
  ): { createScriptURL(url: string): unknown };
}

afterEach(closePages);

async function open(
  widget: string,
  styleSources?: string,
  wrap?: (snippet: string) => string,
): Promise<PrerenderedPage & { violations: () => string[] }> {
  const page = await openPrerendered(widget, 'en', undefined, {
    host: { head: `<meta http-equiv="Content-Security-Policy" content="${policy(styleSources)}">`, wrap },
  });
  const violations: string[] = [];
  page.frame.contentDocument!.addEventListener('securitypolicyviolation', (event) =>
    violations.push(`${event.effectiveDirective} ${event.blockedURI}`),
  );
  // WebKit reports what it blocked while parsing the page after the page's load, so this listener hears it; Chromium
  // and Firefox report it before. Once a rendering update has passed, what is reported is what came after the HTML.
  const frameWindow = page.frame.contentWindow!;
  await new Promise((resolve) => frameWindow.requestAnimationFrame(() => frameWindow.setTimeout(resolve)));
  const fromHtml = violations.length;
  return Object.assign(page, { violations: () => violations.slice(fromHtml) });
}

const styled = (element: BaseElement): boolean =>
  element.ownerDocument.defaultView!.getComputedStyle(part(element, 'base')).containerType === 'inline-size';
const htmlStyleApplied = (page: PrerenderedPage): boolean => page.root.querySelector('style')?.sheet != null;

describe('prerendered on a page whose Content-Security-Policy allows no inline style', () => {
  for (const widget of WIDGETS) {
    it(`${widget}: unstyled before its script, then styled by it once hydrated, in place`, async () => {
      const page = await open(widget);
      expect(htmlStyleApplied(page), 'the policy blocked the HTML’s <style>').to.equal(false);
      expect(styled(page.element), 'unstyled before the script').to.equal(false);
      const before = elementsIn(page.root);
      await page.runScript();
      expect(styled(page.element), 'styled once hydrated').to.equal(true);
      expect(keptElements(before, page.root), 'same nodes').to.equal(true);
      expect(page.warnings.map(String), 'not rendered afresh').to.deep.equal([]);
      expect(page.violations(), 'nothing more blocked once the script ran').to.deep.equal([]);
      // What a reader sees is what the widget shows when it renders itself on this page (no-script parts hidden).
      const fresh = page.element.cloneNode(false) as BaseElement;
      page.element.after(fresh);
      await until(() => fresh.hasUpdated && fresh.shadowRoot?.querySelector('[part="base"]'), 'a fresh copy');
      await until(() => !fresh.shadowRoot!.querySelector('[aria-busy="true"]'), 'the fresh copy loaded');
      expect(visibleText(page.element)).to.equal(visibleText(fresh));
    });

    it(`${widget}: with Trusted Types required too, hydrated in place and styled`, async () => {
      const page = await open(widget, "; require-trusted-types-for 'script'");
      const before = elementsIn(page.root);
      // The test adds the script as the page's HTML would: through a policy of its own, Trusted Types being required.
      const frameWindow = page.frame.contentWindow as Window & { trustedTypes?: TrustedTypesFactory };
      const address = `${CDN}${widget}.js`;
      const script = page.frame.contentDocument!.createElement('script');
      script.type = 'module';
      script.src = (frameWindow.trustedTypes
        ?.createPolicy('test-page', { createScriptURL: (url: string) => url })
        .createScriptURL(address) ?? address) as string;
      page.frame.contentDocument!.head.append(script);
      await page.frame.contentWindow!.customElements.whenDefined(`cl-${widget}`);
      await until(() => page.element.hasUpdated, 'hydrated');
      await page.element.updateComplete;
      await page.element.updateComplete;
      expect(styled(page.element), 'styled').to.equal(true);
      expect(keptElements(before, page.root), 'same nodes').to.equal(true);
      expect(page.warnings.map(String), 'not rendered afresh').to.deep.equal([]);
      expect(page.violations(), 'nothing blocked once the script ran').to.deep.equal([]);
      // The policy is in force where the browser has Trusted Types: a plain string is refused as HTML (by name: the
      // frame's TypeError is another realm's).
      let refused = '';
      try {
        page.frame.contentDocument!.createElement('div').innerHTML = '<b>x</b>';
      } catch (error) {
        refused = (error as Error).name;
      }
      expect(refused, 'Trusted Types enforced').to.equal('trustedTypes' in window ? 'TypeError' : '');
    });

    it(`${widget}: with the hash render prints in style-src, styled before any script`, async () => {
      const response = await fetch(`${CDN}prerendered/${widget}.en.json`);
      const { styleHash } = (await response.json()) as { styleHash: string };
      expect(styleHash).to.match(/^'sha256-[A-Za-z0-9+/]{43}='$/);
      const page = await open(widget, ` ${styleHash}`);
      expect(htmlStyleApplied(page), 'the HTML’s <style> applied').to.equal(true);
      expect(styled(page.element), 'styled before any script').to.equal(true);
      expect(page.frame.contentWindow!.customElements.get(`cl-${widget}`) === undefined, 'no script yet').to.equal(
        true,
      );
    });
  }
});
