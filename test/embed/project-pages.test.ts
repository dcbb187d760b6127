import { expect } from '@open-wc/testing';
import { expectFrameAccessible, until } from '../harness.js';

/*
 * The project's own pages as built, with their own styles: the embed builder, the feed preview and the demo, in
 * English and Welsh. Each is loaded from this test page's origin (so its document can be read) into a frame 320 px
 * wide, then 1,024: nothing scrolls sideways at 320 CSS px (WCAG 1.4.10, the width of a 1,280 px window at 400%), and
 * axe finds nothing, once the page has settled into the state named.
 */

/** Every `cl-` element of `doc` has rendered, and none is loading. */
function widgetsSettled(doc: Document): boolean {
  const widgets = [...doc.querySelectorAll('*')].filter(
    (el) => el.localName.startsWith('cl-') && el.localName !== 'cl-feed',
  );
  return widgets.every(
    (el) => el.shadowRoot?.querySelector('.cl-root') && !el.shadowRoot.querySelector('[aria-busy="true"]'),
  );
}

/** What reaches past `width`: the innermost elements whose box or content does. */
function widest(doc: Document, width: number): string {
  const past = (el: Element) => el.getBoundingClientRect().left + el.scrollWidth > width + 1;
  const innermost = [...doc.querySelectorAll('body *')].filter(
    (el) => past(el) && ![...el.children].some((child) => past(child)),
  );
  return innermost.map((el) => el.outerHTML.slice(0, 100)).join(' | ') || 'nothing';
}

interface PageCase {
  name: string;
  path: string;
  /** The page has reached the state the checks are for. */
  ready: (doc: Document) => unknown;
  /** Puts the page into that state first. */
  prepare?: (doc: Document) => Promise<void>;
}

/** The feed preview with the built-in feed pasted in and checked: its report, with a preview of every widget. */
async function pasteBuiltInFeed(doc: Document): Promise<void> {
  const feed = await (await fetch('/feed/built-in.json')).text();
  const pasted = doc.querySelector<HTMLTextAreaElement>('.preview-form textarea')!;
  pasted.value = feed;
  pasted.form!.requestSubmit();
}

const CASES: PageCase[] = ['en', 'cy'].flatMap((lang) => {
  const welsh = lang === 'cy';
  return [
    {
      name: `the embed builder (${lang}), with its three snippets and the HTML snippet's style hash`,
      path: `/dist/cdn/builder.html?lang=${lang}`,
      ready: (doc) =>
        [...doc.querySelectorAll('pre.builder-snippet')].every((pre) => pre.textContent) &&
        doc.body.textContent!.includes("'sha256-") &&
        widgetsSettled(doc),
    },
    {
      name: `the feed preview (${lang}), empty`,
      path: `/dist/cdn/preview.html?lang=${lang}`,
      ready: (doc) => doc.querySelector('.preview-form textarea'),
    },
    {
      name: `the feed preview (${lang}), with the built-in feed's report`,
      path: `/dist/cdn/preview.html?lang=${lang}`,
      prepare: pasteBuiltInFeed,
      ready: (doc) => doc.querySelector('.preview-summary') && widgetsSettled(doc),
    },
    {
      name: `the demo page (${lang})`,
      path: welsh ? '/dist/demo/cy.html' : '/dist/demo/index.html',
      ready: (doc) => doc.querySelector('cl-contact-form') && widgetsSettled(doc),
    },
  ];
});

async function open(path: string, width: number): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  frame.title = 'A page of the project';
  frame.style.cssText = `width: ${width}px; height: 800px; border: 0`;
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.src = path;
  document.body.append(frame);
  await loaded;
  return frame;
}

describe("the project's own pages", () => {
  afterEach(() => document.querySelectorAll('iframe').forEach((frame) => frame.remove()));

  for (const { name, path, ready, prepare } of CASES) {
    for (const width of [320, 1024]) {
      it(`${name}, ${width} px wide: no sideways scroll, and accessible`, async () => {
        const frame = await open(path, width);
        const doc = frame.contentDocument!;
        if (prepare) {
          await until(() => doc.querySelector('main')?.childElementCount, 'the page mounted');
          await prepare(doc);
        }
        await until(() => ready(doc), `${name}: ready`, 15_000);
        const viewport = doc.scrollingElement!;
        expect(
          viewport.scrollWidth,
          `${widest(doc, viewport.clientWidth)} in a ${viewport.clientWidth} px view`,
        ).to.be.at.most(viewport.clientWidth);
        expect(doc.documentElement.lang).to.match(path.includes('cy') ? /^cy\b/ : /^en\b/);
        await expectFrameAccessible(frame.contentWindow!);
      });
    }
  }
});
