import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BaseElement } from '../../src/internal/base-element.js';
import { mock, requestCount, uniqueName, until } from '../harness.js';
import {
  ALL_WIDGETS_HTML,
  FIXTURES,
  WIDGET_TAGS,
  mount,
  pageReport,
  servedPage,
  settledView,
  widgetHtml,
  widgetsIn,
  type PageReport,
  type WidgetTag,
} from './widgets.js';

/*
 * Elements in the HTML before the script loads, moved, removed and re-added,
 * `src` and `lang` changed after render: the right content, no duplicate
 * requests, and no listeners or timers left behind on window or document.
 */
const text = (el: BaseElement) => (el.shadowRoot?.querySelector('.cl-root')?.textContent ?? '').replace(/\s+/g, ' ');

describe('lifecycle', () => {
  it('upgrades elements that were in the HTML before the library loaded, showing the partner’s content until then', async () => {
    const url = await servedPage(uniqueName('upgrade'), { body: ALL_WIDGETS_HTML });
    const result = await pageReport<PageReport>(url);
    expect(
      result.beforeUpgrade.map((w) => `${w.tag} ${w.upgraded ? 'upgraded' : 'not upgraded'} ${w.fallback}`),
    ).to.deep.equal([
      'cl-principle-cards not upgraded Principles fallback',
      'cl-film-player not upgraded Films fallback',
      'cl-resource-list not upgraded Resources fallback',
      'cl-contact-form not upgraded Contact fallback',
    ]);
    expect(result.errors).to.deep.equal([]);
    expect(result.views).to.deep.equal(WIDGET_TAGS.map((tag) => `${tag}: content`));
  });

  it('keeps its content, with no new request, when moved, removed and re-added', async () => {
    const name = uniqueName('move');
    const url = await mock(name, { body: await (await fetch(`${FIXTURES}/feed.json`)).json() });
    const first = mount(WIDGET_TAGS.map((tag) => widgetHtml(tag, url)).join(''));
    const second = mount('');
    try {
      const widgets = widgetsIn(first);
      for (const el of widgets) expect(await settledView(el)).to.equal('content');
      const before = widgets.map(text);
      for (const el of widgets) second.append(el);
      for (const el of widgets) await el.updateComplete;
      expect(widgets.map(text)).to.deep.equal(before);
      for (const el of widgets) el.remove();
      for (const el of widgets) first.append(el);
      for (const el of widgets) expect(await settledView(el)).to.equal('content');
      expect(widgets.map(text)).to.deep.equal(before);
      expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
    } finally {
      first.remove();
      second.remove();
    }
  });

  it('follows src and lang changed after render, one request per feed', async () => {
    const [a, b] = [uniqueName('src-a'), uniqueName('src-b')];
    const feed = (title: { en: string; cy: string }) => ({
      version: 1,
      principles: [{ id: 'p', number: 1, title, summary: 'S' }],
    });
    const urlA = await mock(a, { body: feed({ en: 'Feed A', cy: 'Ffrwd A' }) });
    const urlB = await mock(b, { body: feed({ en: 'Feed B', cy: 'Ffrwd B' }) });
    const container = mount(widgetHtml('cl-principle-cards', urlA));
    try {
      const el = widgetsIn(container)[0]!;
      await until(() => text(el).includes('Feed A'), 'feed A');
      el.setAttribute('src', urlB);
      await until(() => text(el).includes('Feed B'), 'feed B');
      el.setAttribute('lang', 'cy');
      await until(() => text(el).includes('Ffrwd B'), 'feed B in Welsh');
      el.setAttribute('src', urlA);
      await until(() => text(el).includes('Ffrwd A'), 'feed A again, in Welsh');
      expect(await requestCount(`/__test__/mock/${a}`)).to.equal(1);
      expect(await requestCount(`/__test__/mock/${b}`)).to.equal(1);
    } finally {
      container.remove();
    }
  });

  it('leaves no listener on window or document and no timer behind after mount and unmount cycles', async () => {
    const listeners = new Set<string>();
    const ids = new WeakMap<object, number>();
    let nextId = 0;
    const keyOf = (target: string, type: string, listener: unknown) => {
      if ((listener && typeof listener === 'object') || typeof listener === 'function') {
        if (!ids.has(listener as object)) ids.set(listener as object, (nextId += 1));
        return `${target} ${type} ${ids.get(listener as object)}`;
      }
      return `${target} ${type}`;
    };
    const restore: (() => void)[] = [];
    for (const [label, target] of [
      ['window', window],
      ['document', document],
    ] as const) {
      const add = target.addEventListener.bind(target);
      const remove = target.removeEventListener.bind(target);
      target.addEventListener = (
        type: string,
        listener: EventListenerOrEventListenerObject,
        options?: boolean | AddEventListenerOptions,
      ) => {
        listeners.add(keyOf(label, type, listener));
        add(type, listener, options);
      };
      target.removeEventListener = (
        type: string,
        listener: EventListenerOrEventListenerObject,
        options?: boolean | EventListenerOptions,
      ) => {
        listeners.delete(keyOf(label, type, listener));
        remove(type, listener, options);
      };
      restore.push(() => {
        target.addEventListener = add;
        target.removeEventListener = remove;
      });
    }
    const cycle = async () => {
      const container = mount(WIDGET_TAGS.map((tag) => widgetHtml(tag)).join(''));
      for (const el of widgetsIn(container)) await settledView(el);
      container.remove();
    };
    try {
      await cycle();
      const afterOne = listeners.size;
      for (let i = 0; i < 10; i += 1) await cycle();
      expect(listeners.size, [...listeners].join('\n')).to.equal(afterOne);
    } finally {
      for (const undo of restore) undo();
    }
  });

  it('leaves no timer of any kind behind when widgets are removed while the reader is typing', async () => {
    const { started, left } = await timersAfterTypingAndRemoval();
    // The draft save, the typing pauses: the typing did start timers, and removal ended them all.
    expect(started.length).to.be.greaterThan(0);
    expect(left).to.deep.equal([]);
  });

  for (const tag of ['cl-contact-form', 'cl-resource-list'] as const) {
    it(`would catch a timer left behind by ${tag} if its disconnect clean-up did not run`, async () => {
      const { left } = await timersAfterTypingAndRemoval(tag);
      expect(left.length).to.be.greaterThan(0);
      expect(left.every((timer) => timer.startsWith('setTimeout'))).to.equal(true);
    });
  }
});

/**
 * Mounts every widget, then holds the library's timers (timeouts, intervals,
 * animation frames, idle callbacks: none runs, as if the clock stood still)
 * while the reader types into the search box and the message field and the
 * widgets are removed. Returns the timers started while typing and those still
 * pending after removal. With `sabotaged`, that widget's clean-up on removal
 * clears nothing, as if its disconnect handler were gone: the check must then
 * find its timers.
 */
async function timersAfterTypingAndRemoval(sabotaged?: WidgetTag): Promise<{ started: string[]; left: string[] }> {
  const container = mount(WIDGET_TAGS.map((tag) => widgetHtml(tag)).join(''));
  const widgets = widgetsIn(container);
  for (const el of widgets) expect(await settledView(el)).to.equal('content');
  const widget = (tag: WidgetTag) => widgets.find((el) => el.localName === tag)!;
  const clock = holdTimers();
  try {
    for (const [el, field] of [
      [widget('cl-resource-list'), '[part="search"]'],
      [widget('cl-contact-form'), '[name="message"]'],
    ] as const) {
      el.shadowRoot!.querySelector<HTMLElement>(field)!.focus();
      await sendKeys({ type: 'care' });
      await el.updateComplete;
    }
    const started = clock.pending();
    if (sabotaged) clock.ignoringClears(() => widget(sabotaged).remove());
    container.remove();
    return { started, left: clock.pending() };
  } finally {
    clock.release();
    container.remove();
  }
}

type TimerKind = 'setTimeout' | 'setInterval' | 'requestAnimationFrame' | 'requestIdleCallback';

/**
 * Replaces every timer function of the page: a timer the library starts (its
 * stack names a module under /src/) is recorded and never runs, until
 * `release()`; the test runner's own timers run as usual. `pending()` lists
 * the library's timers started and not cleared since, as `kind delay`.
 */
function holdTimers(): { pending: () => string[]; ignoringClears: (act: () => void) => void; release: () => void } {
  const real = {
    setTimeout: window.setTimeout,
    clearTimeout: window.clearTimeout,
    setInterval: window.setInterval,
    clearInterval: window.clearInterval,
    requestAnimationFrame: window.requestAnimationFrame,
    cancelAnimationFrame: window.cancelAnimationFrame,
    requestIdleCallback: window.requestIdleCallback,
    cancelIdleCallback: window.cancelIdleCallback,
  };
  const held = new Map<number, string>();
  let clearing = true;
  // Far above the browser's own ids, so a held timer is never mistaken for a real one.
  let nextId = 1_000_000_000;
  const start =
    (kind: TimerKind, realStart: (...args: never[]) => number) =>
    (...args: unknown[]): number => {
      if (!/\/src\//.test(new Error().stack ?? '')) return realStart.apply(window, args as never[]);
      nextId += 1;
      held.set(nextId, `${kind} ${typeof args[1] === 'number' ? args[1] : 0}`);
      return nextId;
    };
  const clear = (realClear: (id: number) => void) => (id?: number) => {
    if (id === undefined || !clearing) return;
    if (!held.delete(id)) realClear.call(window, id);
  };
  Object.assign(window, {
    setTimeout: start('setTimeout', real.setTimeout),
    setInterval: start('setInterval', real.setInterval),
    requestAnimationFrame: start('requestAnimationFrame', real.requestAnimationFrame),
    requestIdleCallback: start('requestIdleCallback', real.requestIdleCallback),
    clearTimeout: clear(real.clearTimeout),
    clearInterval: clear(real.clearInterval),
    cancelAnimationFrame: clear(real.cancelAnimationFrame),
    cancelIdleCallback: clear(real.cancelIdleCallback),
  });
  return {
    pending: () => [...held.values()],
    ignoringClears: (act) => {
      clearing = false;
      try {
        act();
      } finally {
        clearing = true;
      }
    },
    release: () => {
      Object.assign(window, real);
      held.clear();
    },
  };
}
