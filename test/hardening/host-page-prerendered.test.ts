import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectFrameAccessible, part, until, visibleText } from '../harness.js';
import { closePages, openPrerendered, snippetFor, type HostPage, type PrerenderedPage } from '../prerendered-page.js';
import { DARK_PAGES, SHRINK_TO_FIT, columns, lowContrastText } from './host-pages.js';

/*
 * The recommended path in the partner pages of host-page.test.ts: each widget's prerendered snippet (the build's, on
 * the built-in feed) on a page of its own, read as the page first shows it, before any script; then as it shows
 * itself when its script is late (its no-script view); and once the script has hydrated it. Its root font size, a
 * hidden panel, a dark theme, containers that shrink to fit: the snippet keeps its size and shape, hides with its
 * panel, stays legible and takes room, in each.
 */

const WIDGETS = ['principle-cards', 'film-player', 'resource-list', 'contact-form'];

afterEach(closePages);

async function open(widget: string, host: HostPage, lang: 'en' | 'cy' = 'en'): Promise<PrerenderedPage> {
  const page = await openPrerendered(widget, lang, undefined, { host });
  const defined = page.frame.contentWindow!.customElements.get(`cl-${widget}`);
  expect(defined === undefined, 'no script has run yet').to.equal(true);
  return page;
}

/**
 * The page stops waiting for the snippet's script (`--cl-script-timeout: 0s`, as if it had failed): the snippet shows
 * what it shows without one (src/ssr/render.ts).
 */
async function scriptLate(page: PrerenderedPage): Promise<void> {
  const frameDocument = page.frame.contentDocument!;
  const style = frameDocument.createElement('style');
  style.textContent = `${page.element.localName} { --cl-script-timeout: 0s }`;
  frameDocument.head.append(style);
  const base = part(page.element, 'base');
  await until(
    () => page.frame.contentWindow!.getComputedStyle(base).getPropertyValue('--_cl-no-script').trim() === 'block',
    'the view without its script',
  );
}

/** Runs `check` on the snippet before any script, with its script late (its no-script view), and once hydrated. */
async function inEachStage(page: PrerenderedPage, check: (stage: string) => Promise<void> | void): Promise<void> {
  await check('before any script');
  await scriptLate(page);
  await check('its script late');
  await page.runScript();
  expect(page.element.hasUpdated, 'hydrated').to.equal(true);
  await check('hydrated');
}

describe('prerendered: the host page’s root font size', () => {
  for (const widget of WIDGETS) {
    it(`${widget}: the same layout and height with html at 8, 10, 16 and 21 px, before any script, with its script late, and hydrated`, async () => {
      const page = await open(widget, { css: 'html { font-size: 16px }' });
      const html = page.frame.contentDocument!.documentElement;
      await inEachStage(page, (stage) => {
        html.style.fontSize = '';
        const height = page.element.getBoundingClientRect().height;
        const layout = columns(page.element);
        expect(height, `${stage}: height on a 16 px root`).to.be.greaterThan(100);
        for (const size of ['8px', '10px', '21px']) {
          html.style.fontSize = size;
          expect(columns(page.element), `${stage}: columns with html at ${size}`).to.deep.equal(layout);
          const ratio = page.element.getBoundingClientRect().height / height;
          expect(ratio, `${stage}: height with html at ${size} against 16 px`).to.be.within(0.95, 1.05);
        }
        html.style.fontSize = '';
      });
    });
  }
});

describe('prerendered: a visibility: hidden ancestor (a closed tab panel)', () => {
  for (const widget of WIDGETS) {
    it(`${widget}: hidden with its panel and out of the Tab order, before any script, with its script late, and hydrated`, async () => {
      const page = await open(widget, {
        wrap: (snippet) =>
          `<button type="button">Before</button><div style="visibility: hidden">${snippet}</div><button type="button">After</button>`,
      });
      const [before, after] = page.frame.contentDocument!.querySelectorAll<HTMLButtonElement>('main > button');
      await inEachStage(page, async (stage) => {
        const visible = part(page.element, 'base').checkVisibility({ visibilityProperty: true });
        expect(visible, `${stage}: the widget is visible`).to.equal(false);
        expect(visibleText(page.element), stage).to.equal('');
        before!.focus();
        await sendKeys({ press: 'Tab' });
        expect(
          page.frame.contentDocument!.activeElement === after,
          `${stage}: one Tab goes to the button after`,
        ).to.equal(true);
        expect(page.root.activeElement === null, `${stage}: nothing inside the widget focused`).to.equal(true);
      });
    });
  }
});

for (const [name, css] of Object.entries(DARK_PAGES)) {
  describe(`prerendered: ${name}`, () => {
    for (const widget of WIDGETS) {
      for (const lang of ['en', 'cy'] as const) {
        it(`${widget} (${lang}): every text at 4.5:1 and axe passes, before any script, with its script late, and hydrated`, async () => {
          const page = await open(widget, { css }, lang);
          await inEachStage(page, async (stage) => {
            expect(lowContrastText(page.element), stage).to.deep.equal([]);
            await expectFrameAccessible(page.frame.contentWindow!);
          });
        });
      }
    }
  });
}

describe('prerendered: shrink-to-fit containers', () => {
  for (const [container, wrap] of Object.entries(SHRINK_TO_FIT)) {
    for (const widget of WIDGETS) {
      it(`${widget} in ${container}: at least 280 px wide, or the container's width when narrower, before any script, with its script late, and hydrated`, async () => {
        for (const width of [600, 200]) {
          const page = await open(widget, {
            wrap: (snippet) => `<div style="width: ${width}px">${wrap(snippet)}</div>`,
          });
          const outer = page.frame.contentDocument!.querySelector('main > div')!;
          await inEachStage(page, (stage) => {
            const box = page.element.getBoundingClientRect();
            expect(Math.round(box.width), `${stage}: width in ${width} px`).to.be.at.least(Math.min(280, width));
            expect(box.right, `${stage}: right edge in ${width} px`).to.be.at.most(
              outer.getBoundingClientRect().right + 1,
            );
            expect(part(page.element, 'base').getBoundingClientRect().width, stage).to.be.closeTo(box.width, 1);
          });
          closePages();
        }
      });
    }
  }
});

/** Where each element of the snippet's shadow root starts on the page (its top left), keyed by its place in the tree. */
function starts(page: PrerenderedPage): Map<string, string> {
  const out = new Map<string, string>();
  const visit = (parent: ParentNode, path: string) => {
    [...parent.children].forEach((child, index) => {
      const key = `${path}/${index}`;
      const { left, top } = child.getBoundingClientRect();
      out.set(key, `${Math.round(left)},${Math.round(top)}`);
      visit(child, key);
    });
  };
  visit(page.root, '');
  return out;
}

describe('prerendered: painted part way through its HTML (a slow connection)', function () {
  // A page load for each cut: the resource list’s 95 take longer than the default 15 s beside the other test files.
  this.timeout(90_000);
  for (const widget of WIDGETS) {
    for (const [lang, width] of [
      ['en', 1200],
      ['en', 500],
      ['cy', 1200],
      ['cy', 500],
    ] as const) {
      it(`${widget} (${lang}) at ${width} px: nothing already on the page moves as the rest of its HTML arrives`, async () => {
        const snippet = await snippetFor(widget, lang);
        // The browser paints what it has parsed so far, its open elements closed: the snippet cut after each closing
        // tag of a block in its shadow root (inline ones, options and the style left out, to keep the loads few).
        const [start, end] = [snippet.indexOf('<template'), snippet.indexOf('</template>')];
        const cuts = [
          ...snippet.slice(start, end).matchAll(/<\/(?!(?:span|a|time|option|strong|style)>)[a-z0-9]+>/g),
        ].map((match) => start + match.index + match[0].length);
        expect(cuts.length, 'closing tags in the shadow root').to.be.greaterThan(10);
        const within = (html: string) => `<div style="width: ${width}px">${html}</div>`;
        const whole = starts(await open(widget, { wrap: within }, lang));
        closePages();
        for (const cut of cuts) {
          const parsed = starts(await open(widget, { wrap: (html) => within(html.slice(0, cut)) }, lang));
          const moved = [...parsed]
            .filter(([key, place]) => whole.get(key) !== place)
            .map(([key, place]) => `${key} at ${place}, then at ${whole.get(key)}`);
          expect(moved.join('; '), `cut after …${snippet.slice(cut - 50, cut)}`).to.equal('');
          closePages();
        }
      });
    }
  }
});
