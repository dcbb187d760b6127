import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BaseElement } from '../../src/internal/base-element.js';
import { expectAccessible, mount, part, parts, settled, unmountAll, visibleText } from '../harness.js';
import { DARK_PAGES, SHRINK_TO_FIT, columns, lowContrastText } from './host-pages.js';
import { FEED_URL, WIDGET_TAGS, deepElements, operate, widgetHtml } from './widgets.js';

/*
 * The partner's page around a widget: its root font size, a hidden panel, a
 * dark theme, containers that shrink to fit their content. The widget keeps
 * its own size and shape, hides with its panel, stays legible, takes room,
 * and wraps long words between syllables, never between letters.
 */

/** The four widgets on the hardening feed, and the principle cards on the built-in feed (no src). */
const WIDGETS: Record<string, string> = {
  ...Object.fromEntries(WIDGET_TAGS.map((tag) => [tag, widgetHtml(tag)])),
  'cl-principle-cards (built-in feed)': '<cl-principle-cards behaviours></cl-principle-cards>',
};

const extraStyles: HTMLStyleElement[] = [];
/** Adds page CSS for one test; removed in afterEach. */
function pageStyle(text: string): void {
  const style = document.createElement('style');
  style.textContent = text;
  document.head.append(style);
  extraStyles.push(style);
}

afterEach(() => {
  unmountAll();
  for (const style of extraStyles.splice(0)) style.remove();
  document.documentElement.style.fontSize = '';
});

async function mountWidget(markup: string, width = '800px'): Promise<BaseElement> {
  const el = await mount<BaseElement>(markup, { width });
  return settled(el);
}

describe('the host page’s root font size', () => {
  for (const [name, markup] of Object.entries(WIDGETS)) {
    it(`${name}: the same layout and height with html at 8, 10, 16 and 21 px`, async () => {
      document.documentElement.style.fontSize = '16px';
      const el = await mountWidget(markup);
      const height = el.getBoundingClientRect().height;
      const layout = columns(el);
      expect(height, 'height on a 16 px root').to.be.greaterThan(100);
      for (const size of ['8px', '10px', '21px']) {
        document.documentElement.style.fontSize = size;
        expect(columns(el), `columns with html at ${size}`).to.deep.equal(layout);
        const ratio = el.getBoundingClientRect().height / height;
        expect(ratio, `height with html at ${size} against 16 px`).to.be.within(0.95, 1.05);
      }
    });
  }
});

describe('a visibility: hidden ancestor (a closed tab panel)', () => {
  for (const [name, markup] of Object.entries(WIDGETS)) {
    it(`${name}: hidden with its panel and out of the Tab order`, async () => {
      const page = await mount<HTMLDivElement>(
        `<div><button type="button">Before</button><div style="visibility: hidden">${markup}</div><button type="button">After</button></div>`,
      );
      const el = await settled(page.querySelector<BaseElement>('[style] > *')!);
      expect(part(el, 'base').checkVisibility({ visibilityProperty: true }), 'the widget is visible').to.equal(false);
      expect(visibleText(el)).to.equal('');
      const [before, after] = page.querySelectorAll('button');
      before!.focus();
      await sendKeys({ press: 'Tab' });
      expect(document.activeElement, 'focus after one Tab').to.equal(after);
      expect(el.shadowRoot!.activeElement).to.equal(null);
    });
  }
});

for (const [page, css] of Object.entries(DARK_PAGES)) {
  describe(page, () => {
    for (const [name, markup] of Object.entries(WIDGETS)) {
      for (const lang of ['en', 'cy']) {
        it(`${name} (${lang}): every text at 4.5:1, axe colour contrast passes`, async () => {
          pageStyle(css);
          const el = await mountWidget(markup.replace(/^<([\w-]+)/, `<$1 lang="${lang}"`));
          expect(lowContrastText(el)).to.deep.equal([]);
          await expectAccessible(el);
        });
      }
    }
  });
}

/** Where each element in `el`'s shadow root is and how big, relative to the widget: its whole layout. */
function layoutOf(el: Element): string[] {
  const origin = el.getBoundingClientRect();
  return deepElements(el.shadowRoot!).map((node) => {
    const box = node.getBoundingClientRect();
    const at = [box.left - origin.left, box.top - origin.top, box.width, box.height].map(Math.round);
    return `${node.localName}.${node.className}: ${at.join(' ')}`;
  });
}

describe('a column that narrows and widens again (a sidebar collapsed, an iframe laid out in a closed tab panel)', () => {
  /** Narrows the widget's column to each width and back, and expects its first layout each time. */
  function expectLayoutKept(el: BaseElement, state: string): void {
    const wide = layoutOf(el);
    for (const width of ['0px', '100px', '200px']) {
      el.parentElement!.style.width = width;
      el.getBoundingClientRect();
      el.parentElement!.style.width = '600px';
      expect(layoutOf(el), `${state}, after ${width}`).to.deep.equal(wide);
    }
  }

  for (const [name, markup] of Object.entries(WIDGETS)) {
    for (const lang of ['en', 'cy']) {
      it(`${name} (${lang}): the same layout back at 600 px after 0, 100 and 200 px, loaded and in use`, async () => {
        const el = await mountWidget(markup.replace(/^<[\w-]+/, `$& lang="${lang}"`), '600px');
        expectLayoutKept(el, 'loaded');
        await operate(el);
        await el.updateComplete;
        expectLayoutKept(el, 'in use');
      });
    }
  }
});

describe('shrink-to-fit containers', () => {
  for (const [container, wrap] of Object.entries(SHRINK_TO_FIT)) {
    for (const [name, markup] of Object.entries(WIDGETS)) {
      it(`${name} in ${container}: at least 280 px wide, or the container's width when narrower`, async () => {
        for (const width of [600, 200]) {
          const page = await mount<HTMLDivElement>(`<div>${wrap(markup)}</div>`, { width: `${width}px` });
          const el = await settled(page.querySelector<BaseElement>(markup.match(/^<([\w-]+)/)![1]!)!);
          const box = el.getBoundingClientRect();
          expect(Math.round(box.width), `width in ${width} px`).to.be.at.least(Math.min(280, width));
          expect(box.right, `right edge in ${width} px`).to.be.at.most(page.getBoundingClientRect().right + 1);
          expect(part(el, 'base').getBoundingClientRect().width).to.be.closeTo(box.width, 1);
          unmountAll();
        }
      });
    }
  }
});

/** How many lines `word` takes inside `node`'s text: more than one means it was broken. */
function linesOf(node: Element, word: string): number {
  const walker = document.createTreeWalker(node, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const at = text.textContent!.indexOf(word);
    if (at < 0) continue;
    const range = document.createRange();
    range.setStart(text, at);
    range.setEnd(text, at + word.length);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  }
  throw new Error(`"${word}" not found`);
}

describe('narrow behaviour cards', () => {
  for (const lang of ['en', 'cy']) {
    for (const width of [320, 400, 480]) {
      for (const rootSize of ['8px', '16px']) {
        it(`keep every behaviour's name whole, hyphenating in its language (${lang}, ${width} px, html at ${rootSize})`, async () => {
          document.documentElement.style.fontSize = rootSize;
          const el = await mountWidget(
            `<cl-principle-cards behaviours lang="${lang}"></cl-principle-cards>`,
            `${width}px`,
          );
          const behaviours = parts(el, 'behaviour');
          expect(behaviours.map((b) => b.querySelector('strong')!.textContent)).to.include('Understanding');
          for (const behaviour of behaviours) {
            expect(getComputedStyle(behaviour).hyphens).to.equal('auto');
            expect(behaviour.matches(`:lang(${lang})`), `the behaviour's language is ${lang}`).to.equal(true);
            const name = behaviour.querySelector('strong')!;
            for (const word of name.textContent!.trim().split(/\s+/))
              expect(linesOf(name, word), `"${word}" in ${width} px`).to.equal(1);
          }
        });
      }
    }
  }
});

describe('lists without bullets', () => {
  const LISTS: Record<string, string> = {
    ...WIDGETS,
    'cl-film-player with its playlist': '<cl-film-player></cl-film-player>',
    'cl-resource-list with pages': `<cl-resource-list src="${FEED_URL}" page-size="1"></cl-resource-list>`,
  };
  for (const [name, markup] of Object.entries(LISTS)) {
    it(`${name}: every list styled without markers keeps role="list"`, async () => {
      const el = await mountWidget(markup);
      const lists = deepElements(el.shadowRoot!).filter((node) => node.matches('ul, ol'));
      const unmarked = lists.filter((list) => getComputedStyle(list).listStyleType === 'none');
      expect(
        unmarked.filter((list) => list.getAttribute('role') !== 'list').map((list) => list.outerHTML.slice(0, 60)),
      ).to.deep.equal([]);
    });
  }
});
