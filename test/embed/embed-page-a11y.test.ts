import { expect } from '@open-wc/testing';
import { expectFrameAccessible, until } from '../harness.js';

/*
 * The embed page itself, loaded from this test page's own origin so axe can
 * run inside it: every widget, in English and Welsh, once its feed has loaded.
 */
const WIDGETS = ['principle-cards', 'film-player', 'resource-list', 'contact-form'];

async function embedPage(query: string): Promise<Window> {
  const frame = document.createElement('iframe');
  frame.src = `/dist/cdn/embed.html?${query}`;
  frame.title = 'Embedded widget';
  frame.style.cssText = 'width: 600px; height: 900px; border: 0';
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame.contentWindow!;
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
        // Titled as its prerendered page is, in the same language.
        const prerendered = await (await fetch(`/dist/cdn/embed-${widget}.${lang}.html`)).text();
        expect(`<title>${page.document.title}</title>`).to.equal(/<title>[^<]*<\/title>/.exec(prerendered)?.[0]);
        await expectFrameAccessible(page);
      });
    }
  }

  for (const [lang, title, says] of [
    ['en', 'Compassionate leadership', 'does not name a widget'],
    ['cy', 'Arweinyddiaeth dosturiol', 'Nid yw cyfeiriad y mewnosodiad hwn yn enwi teclyn'],
  ] as const) {
    it(`an address that names no widget lists the widgets, titled in its language (${lang})`, async () => {
      const page = await embedPage(`widget=no-such-widget&lang=${lang}`);
      const list = await until(() => page.document.querySelector('main ul'), 'the list of widgets');
      expect(page.document.documentElement.lang).to.equal(lang);
      expect(page.document.title).to.equal(title);
      expect(page.document.querySelector('main p')!.textContent).to.include(says);
      expect([...list.querySelectorAll('li')].map((item) => item.textContent)).to.deep.equal([...WIDGETS].sort());
      await expectFrameAccessible(page);
    });
  }
});
