/**
 * The prerendered embed pages (dist/cdn/embed-<widget>.<lang>.html: the builder's iframe with no options) without
 * their scripts: with JavaScript turned off, and with their scripts failed. Each then shows what the widget's
 * prerendered snippet shows with JavaScript turned off, part for part (test/prerendered-no-script.test.ts checks what
 * that view holds); with the scripts failed, once its wait is over, and with the contact form still there.
 */
import { expect } from '@open-wc/testing';
import { expectFrameAccessible, until } from '../harness.js';
import { closePages, openPrerendered, seen } from '../prerendered-page.js';

afterEach(closePages);

const WIDGETS = ['principle-cards', 'film-player', 'resource-list', 'contact-form'] as const;

/** The embed page in a frame of this page's origin (so the test can look inside), from its HTML or its address. */
async function openFrame(page: { src: string } | { srcdoc: string }, sandbox: string): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.setAttribute('sandbox', sandbox);
  frame.style.cssText = 'width: 800px; height: 900px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  Object.assign(frame, page);
  document.body.append(frame);
  await loaded;
  return frame;
}

const widgetRoot = (frame: HTMLIFrameElement, widget: string): ShadowRoot => {
  const root = frame.contentDocument!.querySelector(`cl-${widget}`)?.shadowRoot;
  expect(!!root, `the page's <cl-${widget}> has its shadow root from the HTML`).to.equal(true);
  return root!;
};

for (const widget of WIDGETS) {
  for (const lang of ['en', 'cy'] as const) {
    const page = `/dist/cdn/embed-${widget}.${lang}.html`;

    it(`${widget} (${lang}): with JavaScript turned off, the embed page shows the no-script view`, async () => {
      const withoutScripts = seen((await openPrerendered(widget, lang, undefined, { scripting: false })).root);
      const frame = await openFrame({ src: page }, 'allow-same-origin');
      expect(frame.contentWindow!.matchMedia('(scripting: none)').matches, 'scripting off').to.equal(true);
      expect(seen(widgetRoot(frame, widget))).to.deep.equal(withoutScripts);
    });

    it(`${widget} (${lang}): its scripts failed, the embed page shows the no-script view once its wait is over; axe passes`, async () => {
      // The contact form keeps its form: a person may have typed in it.
      const form = widget === 'contact-form' ? '[part="form"]' : undefined;
      const withoutScripts = seen((await openPrerendered(widget, lang, undefined, { scripting: false })).root, form);
      const html = (await (await fetch(page)).text())
        .replace(
          '<head>',
          `<head><base href="${location.origin}/dist/cdn/"><style>* { --cl-script-timeout: 0.1s }</style>`,
        )
        .replaceAll('<script type="module" src="./', '<script type="module" src="./not-deployed/');
      expect(html, 'its scripts pointed at nothing').to.include('src="./not-deployed/');
      const frame = await openFrame({ srcdoc: html }, 'allow-scripts allow-same-origin');
      const root = widgetRoot(frame, widget);
      await until(
        () => JSON.stringify(seen(root, form)) === JSON.stringify(withoutScripts),
        'the view without scripts',
      );
      expect(frame.contentWindow!.customElements.get(`cl-${widget}`), 'no script ran').to.equal(undefined);
      await expectFrameAccessible(frame.contentWindow!);
    });
  }
}
