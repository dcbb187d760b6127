import { expect } from '@open-wc/testing';
import type { BaseElement } from '../../src/internal/base-element.js';
import { mount, settled, unmountAll } from '../harness.js';
import { WIDGET_TAGS, deepElements, operate, widgetHtml } from './widgets.js';

/*
 * WCAG 2.2 1.4.12 Text Spacing: a reader's own line height (1.5), space after paragraphs (2em), letter spacing
 * (0.12em) and word spacing (0.16em), as the W3C's test bookmarklet sets them, applied in every shadow root of the
 * widget (a style sheet on the page stops at the shadow boundary). No text may be clipped or run out of its box, in
 * both languages, in a wide and a 320 px column, on the built-in feed's real text and on the hardening feed, there
 * before and after the widget's main control is used.
 */

const TEXT_SPACING = `
  * { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; }
  p { margin-block-end: 2em !important; }`;

afterEach(unmountAll);

/**
 * Form controls draw their own text clipped at their edge; WebKit still counts what they clip in their ancestors'
 * scroll width. `contain: paint` changes nothing drawn and keeps that count inside the control in every browser.
 */
const CONTROLS_CLIP = 'input, select, textarea { contain: paint; }';

/** The reader's spacing in every shadow root under `el`, its own included. */
function applyTextSpacing(el: Element): void {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(TEXT_SPACING + CONTROLS_CLIP);
  for (const node of [el, ...deepElements(el.shadowRoot!)])
    if (node.shadowRoot) node.shadowRoot.adoptedStyleSheets = [...node.shadowRoot.adoptedStyleSheets, sheet];
}

/**
 * What the reader loses: each box whose content is wider than it (text running out of its box, at 320 px off the
 * screen), and each box that hides or scrolls its overflow and whose content is taller than it. Form controls, which
 * scroll their own text, and boxes hidden on purpose (1 px or less) are left out.
 */
function clipped(el: BaseElement): string[] {
  const lost: string[] = [];
  for (const node of deepElements(el.shadowRoot!)) {
    if (!(node instanceof HTMLElement) || node.matches('input, select, textarea, option')) continue;
    const style = getComputedStyle(node);
    if (style.display === 'none' || node.clientWidth <= 1 || node.clientHeight <= 1) continue;
    const name = `<${node.localName}${node.className ? ` class="${node.className}"` : ''}>`;
    if (node.scrollWidth > node.clientWidth + 1)
      lost.push(`${name}: ${node.scrollWidth} px wide in ${node.clientWidth}`);
    if (style.overflowY !== 'visible' && node.scrollHeight > node.clientHeight + 1)
      lost.push(`${name}: ${node.scrollHeight} px high in ${node.clientHeight}`);
  }
  return lost;
}

describe('WCAG 1.4.12: a reader’s own text spacing', () => {
  for (const tag of WIDGET_TAGS) {
    for (const lang of ['en', 'cy'] as const) {
      for (const width of ['800px', '320px']) {
        it(`${tag} (${lang}, ${width}), the built-in feed: nothing clipped or running out of its box`, async () => {
          const widget = await settled(await mount<BaseElement>(`<${tag} lang="${lang}"></${tag}>`, { width }));
          applyTextSpacing(widget);
          expect(clipped(widget).join('; ')).to.equal('');
        });

        it(`${tag} (${lang}, ${width}), the hardening feed: nothing clipped or running out of its box, before and after its main control is used`, async () => {
          const widget = await settled(
            await mount<BaseElement>(widgetHtml(tag, undefined, `lang="${lang}"`), { width }),
          );
          applyTextSpacing(widget);
          expect(clipped(widget).join('; '), 'as it first shows').to.equal('');
          await operate(widget);
          await widget.updateComplete;
          // The control may have rendered new shadow roots (a player): they get the reader's spacing too.
          applyTextSpacing(widget);
          expect(clipped(widget).join('; '), 'once used').to.equal('');
        });
      }
    }
  }
});
