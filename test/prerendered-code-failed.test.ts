/**
 * A widget's loader that came without the widget's code: a chunk missing from the partner's copy of the CDN folder, a
 * failed request, a browser too old to read the code (here the built loader, served with one of its chunks
 * answering 404). Prerendered copies show what they show with JavaScript turned off at once, not after
 * `--cl-script-timeout` (the pages here wait 10 minutes, so only the loader can show it); a prerendered root the
 * browser left as a template (HTML a script inserted, a browser without declarative shadow DOM) is attached first; a
 * plain element keeps the partner's own content. The console gets one warning, the page no error. The film player's
 * prerendered snippet loads its facade instead of its loader: the same, when the facade's import of the widget fails.
 */
import { expect } from '@open-wc/testing';
import { builtEntryWithoutChunk } from './built-entry.js';
import { expectFrameAccessible, until } from './harness.js';
import {
  addModuleScript,
  closePages,
  contactFeed,
  openPrerendered,
  seen,
  shown,
  snippetFor,
  type OwnFeed,
} from './prerendered-page.js';

afterEach(closePages);

/** The widgets whose snippet loads their loader (the film's loads its facade, tested on its own below). */
const PRERENDERED = ['principle-cards', 'resource-list', 'contact-form'] as const;
const ALL = [...PRERENDERED, 'film-player'] as const;
type Widget = (typeof ALL)[number];

const longWait = (widget: Widget): string => `cl-${widget} { --cl-script-timeout: 600s }`;
/** The contact form's own feed, with an endpoint, so that it has a form that sends. */
const feedOf = (widget: Widget): OwnFeed | undefined => (widget === 'contact-form' ? contactFeed() : undefined);
/** The contact form keeps its form in view (a person may have typed in it): compared apart. */
const formOf = (widget: Widget): string | undefined => (widget === 'contact-form' ? '[part="form"]' : undefined);

/** The errors the page is told of: uncaught, and rejections nobody handled. */
function watchErrors(frameWindow: Window): string[] {
  const errors: string[] = [];
  frameWindow.addEventListener('error', (event) => errors.push(event.message));
  frameWindow.addEventListener('unhandledrejection', (event) => errors.push(String(event.reason)));
  return errors;
}

/** A page of its own from `html`, its console's warnings kept. */
async function openPage(html: string): Promise<{ frameWindow: Window & typeof globalThis; warnings: unknown[][] }> {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = html;
  document.body.append(frame);
  await loaded;
  const frameWindow = frame.contentWindow as Window & typeof globalThis;
  const warnings: unknown[][] = [];
  frameWindow.console.warn = (...args: unknown[]) => warnings.push(args);
  return { frameWindow, warnings };
}

/** The one warning: it names the tag and carries the browser's error. */
function expectWarning(warnings: unknown[][], widget: Widget): void {
  expect(warnings, 'one warning').to.have.length(1);
  expect(String(warnings[0]![0])).to.include(`<cl-${widget}> could not load its code`);
  expect(String(warnings[0]![1]), 'the browser’s error').to.match(/Error/);
}

describe('a loader whose widget code does not come', () => {
  for (const widget of PRERENDERED) {
    for (const lang of ['en', 'cy'] as const) {
      it(`${widget} (${lang}): prerendered, its view without scripts at once; a warning, no error; axe passes`, async () => {
        const off = await openPrerendered(widget, lang, feedOf(widget), { scripting: false });
        const withoutScripts = seen(off.root, formOf(widget));
        const page = await openPrerendered(widget, lang, feedOf(widget), { host: { css: longWait(widget) } });
        const frameWindow = page.frame.contentWindow!;
        expect(seen(page.root, formOf(widget)), 'its own view first').to.not.deep.equal(withoutScripts);
        const errors = watchErrors(frameWindow);
        const { entry } = await builtEntryWithoutChunk(`${widget}.js`, 'core');

        addModuleScript(page.frame.contentDocument!, entry);

        await until(
          () => JSON.stringify(seen(page.root, formOf(widget))) === JSON.stringify(withoutScripts),
          'the view without scripts',
        );
        expectWarning(page.warnings, widget);
        expect(errors, 'nothing thrown into the page').to.deep.equal([]);
        expect(frameWindow.customElements.get(`cl-${widget}`), 'not defined').to.equal(undefined);
        await expectFrameAccessible(frameWindow);
      });
    }
  }

  for (const lang of ['en', 'cy'] as const) {
    it(`film-player (${lang}): prerendered, its facade without the widget's code: its view without scripts at once; a warning, no error; axe passes`, async () => {
      const off = await openPrerendered('film-player', lang, undefined, { scripting: false });
      const withoutScripts = seen(off.root);
      const page = await openPrerendered('film-player', lang, undefined, { host: { css: longWait('film-player') } });
      const frameWindow = page.frame.contentWindow!;
      expect(seen(page.root), 'its own view first').to.not.deep.equal(withoutScripts);
      const errors = watchErrors(frameWindow);
      // The facade asks for the widget's code once the page is idle (a prerendered player is in it).
      const { entry } = await builtEntryWithoutChunk('film-player.facade.js', 'film-player');

      addModuleScript(page.frame.contentDocument!, entry);

      await until(() => JSON.stringify(seen(page.root)) === JSON.stringify(withoutScripts), 'the view without scripts');
      expectWarning(page.warnings, 'film-player');
      expect(errors, 'nothing thrown into the page').to.deep.equal([]);
      expect(frameWindow.customElements.get('cl-film-player'), 'not defined').to.equal(undefined);
      await expectFrameAccessible(frameWindow);
    });
  }

  for (const widget of PRERENDERED) {
    it(`${widget}: a prerendered root left as a template (inserted with innerHTML) is attached, its view without scripts`, async () => {
      const off = await openPrerendered(widget, 'cy', feedOf(widget), { scripting: false });
      const withoutScripts = seen(off.root, formOf(widget));
      const { frameWindow, warnings } = await openPage(
        `<!doctype html><html lang="cy"><head><title>A partner’s page</title><style>${longWait(widget)}</style></head><body><main></main></body></html>`,
      );
      frameWindow.document.querySelector('main')!.innerHTML = await snippetFor(widget, 'cy', feedOf(widget));
      const element = frameWindow.document.querySelector(`cl-${widget}`)!;
      expect(element.shadowRoot, 'innerHTML attaches no declarative shadow root').to.equal(null);
      const errors = watchErrors(frameWindow);
      const { entry } = await builtEntryWithoutChunk(`${widget}.js`, 'core');

      addModuleScript(frameWindow.document, entry);

      const root = await until(() => element.shadowRoot, 'the shadow root attached');
      await until(
        () => JSON.stringify(seen(root, formOf(widget))) === JSON.stringify(withoutScripts),
        'the view without scripts',
      );
      expect(element.querySelector('template'), 'the template taken in').to.equal(null);
      expectWarning(warnings, widget);
      expect(errors, 'nothing thrown into the page').to.deep.equal([]);
      await expectFrameAccessible(frameWindow);
    });
  }

  for (const widget of ALL) {
    it(`${widget}: a plain element keeps the partner’s own content, without its own chunk; a warning, no error`, async () => {
      const { frameWindow, warnings } = await openPage(
        `<!doctype html><html lang="en"><head><title>A partner’s page</title></head><body><main><cl-${widget}><p id="own">Our <a href="https://socialcare.wales/">compassionate leadership</a> page</p></cl-${widget}></main></body></html>`,
      );
      const errors = watchErrors(frameWindow);
      const { entry } = await builtEntryWithoutChunk(`${widget}.js`, widget);

      addModuleScript(frameWindow.document, entry);

      await until(() => warnings.length > 0, 'the warning');
      expectWarning(warnings, widget);
      expect(errors, 'nothing thrown into the page').to.deep.equal([]);
      expect(frameWindow.customElements.get(`cl-${widget}`), 'not defined').to.equal(undefined);
      expect(shown(frameWindow.document.getElementById('own')), 'the partner’s content').to.equal(true);
      expect(frameWindow.document.querySelector(`cl-${widget}`)!.hasAttribute('style'), 'left as it was').to.equal(
        false,
      );
    });
  }
});
