import { expect } from '@open-wc/testing';
import { until } from '../harness.js';

/*
 * The embed page itself, loaded from this test page's own origin so axe can
 * run inside it: every widget, in English and Welsh, once its feed has loaded.
 */
const WIDGETS = ['principle-cards', 'film-player', 'resource-list', 'contact-form'];
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

async function embedPage(query: string): Promise<Window & { axe?: typeof import('axe-core') }> {
  const frame = document.createElement('iframe');
  frame.src = `/dist/cdn/embed.html?${query}`;
  frame.title = 'Embedded widget';
  frame.style.cssText = 'width: 600px; height: 900px; border: 0';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow as Window & { axe?: typeof import('axe-core') };
}

describe('the embed page is accessible', () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  for (const widget of WIDGETS) {
    for (const lang of ['en', 'cy']) {
      it(`${widget} in ${lang === 'cy' ? 'Welsh' : 'English'}`, async () => {
        const page = await embedPage(`widget=${widget}&lang=${lang}`);
        const element = await until(() => page.document.querySelector(`cl-${widget}`), `<cl-${widget}>`);
        await until(
          () =>
            element.shadowRoot?.querySelector('.cl-root') && !element.shadowRoot.querySelector('[aria-busy="true"]'),
          'the widget to load',
        );
        expect(page.document.documentElement.lang).to.equal(lang);
        const script = page.document.createElement('script');
        script.src = '/node_modules/axe-core/axe.min.js';
        page.document.head.append(script);
        await until(() => page.axe, 'axe in the page');
        const results = await page.axe!.run(page.document, {
          runOnly: { type: 'tag', values: WCAG_22_AA },
          rules: { 'target-size': { enabled: true } },
        });
        expect(results.passes.length, 'axe checked something').to.be.greaterThan(0);
        expect(
          results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
        ).to.deep.equal([]);
      });
    }
  }
});
