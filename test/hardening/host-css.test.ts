import { expect } from '@open-wc/testing';
import type { BaseElement } from '../../src/internal/base-element.js';
import { expectAccessible, expectNoOverflow, server, until } from '../harness.js';
import {
  FIXTURES,
  WIDGET_TAGS,
  deepElements,
  mount,
  operate,
  settledView,
  visibleControls,
  widgetHtml,
  widgetsIn,
} from './widgets.js';

/*
 * Stylesheets no one on this project wrote (installed devDependencies, served
 * from node_modules) and a hostile one, on the page around the widgets. Each
 * widget must keep the text sizes and line heights it has on a bare page,
 * fill its container without overflow, keep every control visible, large
 * enough and operable by keyboard, and stay axe-clean in English and Welsh.
 * The partner's font family may come through: that is a feature.
 */
const SHEETS: Record<string, string> = {
  'no stylesheet': '',
  'govuk-frontend': `${server}/node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.css`,
  'nhsuk-frontend': `${server}/node_modules/nhsuk-frontend/dist/nhsuk/nhsuk-frontend.min.css`,
  bootstrap: `${server}/node_modules/bootstrap/dist/css/bootstrap.min.css`,
  hostile: `${FIXTURES}/hostile.css`,
};

const WIDTH = 600;
const ALL = WIDGET_TAGS.map((tag) => widgetHtml(tag)).join('');

const GAP = 8;

/** The places a partner puts a widget: a plain block, inside inline text, beside something in a flex row. */
const CONTEXTS: Record<
  string,
  { style: string; html: string; widget: (root: HTMLElement) => BaseElement[]; room?: (el: Element) => number }
> = {
  block: { style: `width: ${WIDTH}px`, html: ALL, widget: widgetsIn },
  inline: { style: `width: ${WIDTH}px`, html: `<p>Before <span>${ALL}</span> after</p>`, widget: widgetsIn },
  'flex row': {
    style: `width: ${WIDTH}px`,
    html: WIDGET_TAGS.map(
      (tag) => `<div style="display: flex; gap: ${GAP}px"><span>Beside</span>${widgetHtml(tag)}</div>`,
    ).join(''),
    widget: widgetsIn,
    // The row's width less its other item and the gap.
    room: (el) =>
      el.parentElement!.getBoundingClientRect().width - el.previousElementSibling!.getBoundingClientRect().width - GAP,
  },
};

interface TextMetric {
  text: string;
  fontSize: string;
  lineHeight: string;
}

/** Size and line height of every element in the widget that holds text itself. */
function textMetrics(el: Element): TextMetric[] {
  return deepElements(el.shadowRoot!)
    .filter((node) =>
      [...node.childNodes].some((child) => child.nodeType === Node.TEXT_NODE && child.textContent!.trim() !== ''),
    )
    .map((node) => {
      const style = getComputedStyle(node);
      return { text: node.textContent!.trim().slice(0, 30), fontSize: style.fontSize, lineHeight: style.lineHeight };
    });
}

async function render(context: string): Promise<{ container: HTMLDivElement; widgets: BaseElement[] }> {
  const { style, html, widget } = CONTEXTS[context]!;
  const container = mount(html, style);
  const widgets = widget(container);
  for (const el of widgets) expect(await settledView(el), el.localName).to.equal('content');
  return { container, widgets };
}

async function addSheet(href: string): Promise<HTMLLinkElement> {
  const link = document.createElement('link');
  if (!href) return link;
  link.rel = 'stylesheet';
  link.href = href;
  const loaded = new Promise((resolve, reject) => {
    link.onload = resolve;
    link.onerror = () => reject(new Error(`${href} did not load`));
  });
  document.head.append(link);
  await loaded;
  return link;
}

describe('real and hostile host CSS', () => {
  const baseline = new Map<string, { metrics: TextMetric[]; controls: number }>();

  before(async () => {
    const { container, widgets } = await render('block');
    for (const el of widgets)
      baseline.set(el.localName, { metrics: textMetrics(el), controls: visibleControls(el).length });
    container.remove();
  });

  for (const [sheet, href] of Object.entries(SHEETS)) {
    describe(sheet, () => {
      let link: HTMLLinkElement;
      before(async () => {
        link = await addSheet(href);
      });
      after(() => link.remove());

      for (const context of Object.keys(CONTEXTS)) {
        it(`keeps text size, line height, width and controls in a ${context}`, async () => {
          const { container, widgets } = await render(context);
          try {
            const problems: string[] = [];
            for (const el of widgets) {
              const name = el.localName;
              const expected = baseline.get(name)!;
              const metrics = textMetrics(el);
              metrics.forEach((m, i) => {
                const e = expected.metrics[i];
                if (!e || m.fontSize !== e.fontSize || m.lineHeight !== e.lineHeight)
                  problems.push(
                    `${name} "${m.text}": ${m.fontSize}/${m.lineHeight}, bare page ${e?.fontSize}/${e?.lineHeight}`,
                  );
              });
              if (metrics.length !== expected.metrics.length)
                problems.push(`${name}: ${metrics.length} text elements, bare page ${expected.metrics.length}`);
              const controls = visibleControls(el);
              if (controls.length !== expected.controls)
                problems.push(`${name}: ${controls.length} visible controls, bare page ${expected.controls}`);
              for (const control of controls.filter((c) => !c.matches('a'))) {
                const box = control.getBoundingClientRect();
                if (box.width < 24 || box.height < 24)
                  problems.push(
                    `${name} ${control.localName} is ${Math.round(box.width)}x${Math.round(box.height)} px`,
                  );
              }
              const host = el.getBoundingClientRect();
              const room = CONTEXTS[context]!.room?.(el) ?? container.getBoundingClientRect().width;
              if (host.width < room - 1)
                problems.push(`${name} is ${Math.round(host.width)} px wide in ${Math.round(room)} px of room`);
              if (host.right > container.getBoundingClientRect().right + 1)
                problems.push(
                  `${name} overflows its container by ${Math.round(host.right - container.getBoundingClientRect().right)} px`,
                );
              try {
                expectNoOverflow(el);
              } catch {
                problems.push(`${name} has content wider than itself`);
              }
            }
            expect(problems).to.deep.equal([]);
          } finally {
            container.remove();
          }
        });
      }

      it('stays axe-clean in English and Welsh and works by keyboard', async () => {
        const { container, widgets } = await render('block');
        try {
          await expectAccessible(container);
          container.lang = 'cy';
          await until(
            () => widgets.every((el) => (el as BaseElement & { language: string }).language === 'cy'),
            'the widgets to turn Welsh',
          );
          for (const el of widgets) await el.updateComplete;
          await expectAccessible(container);
          for (const el of widgets) await operate(el);
          await expectAccessible(container);
        } finally {
          container.remove();
        }
      });
    });
  }

  it('lets the partner’s font family through, and --cl-font-family overrides it', async () => {
    const link = await addSheet(SHEETS.hostile!);
    const container = mount(widgetHtml('cl-principle-cards'));
    try {
      const [el] = widgetsIn(container);
      await settledView(el!);
      const root = el!.shadowRoot!.querySelector('.cl-root')!;
      expect(getComputedStyle(root).fontFamily).to.include('Georgia');
      el!.style.setProperty('--cl-font-family', 'monospace');
      expect(getComputedStyle(root).fontFamily).to.equal('monospace');
    } finally {
      container.remove();
      link.remove();
    }
  });
});
