import { expect } from '@open-wc/testing';
import type { LitElement } from 'lit';
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
} from './widgets.js';

/*
 * Elements in the HTML before the script loads, moved, removed and re-added,
 * `src` and `lang` changed after render: the right content, no duplicate
 * requests, and no listeners or timers left behind on window or document.
 */
const text = (el: LitElement) => (el.shadowRoot?.querySelector('.cl-root')?.textContent ?? '').replace(/\s+/g, ' ');

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
    const intervals = new Set<number>();
    const { setInterval: realSetInterval, clearInterval: realClearInterval } = window;
    window.setInterval = ((handler: TimerHandler, ms?: number, ...args: unknown[]) => {
      const id = realSetInterval(handler, ms, ...args);
      intervals.add(id);
      return id;
    }) as typeof window.setInterval;
    window.clearInterval = ((id?: number) => {
      if (id !== undefined) intervals.delete(id);
      realClearInterval(id);
    }) as typeof window.clearInterval;
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
      expect(intervals.size).to.equal(0);
    } finally {
      for (const undo of restore) undo();
      window.setInterval = realSetInterval;
      window.clearInterval = realClearInterval;
    }
  });
});
