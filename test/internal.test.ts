import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { LitElement } from 'lit';
import { defineElement } from '../src/internal/define.js';
import { emit } from '../src/internal/events.js';
import { requestJson } from '../src/internal/http.js';
import { toJson } from '../src/internal/json.js';
import { localStore, sessionStore, STORAGE_PREFIX, MAX_VALUE_CHARS } from '../src/internal/storage.js';
import { VERSION } from '../src/internal/version.js';
import { holdResponses, mock, requestCount, uniqueName } from './harness.js';

describe('defineElement (the guarded define)', () => {
  it('defines a tag once and leaves an existing definition alone without a warning', () => {
    const tag = `x-guard-${uniqueName('a')}`;
    class First extends LitElement {}
    class Second extends LitElement {}
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      defineElement(tag, First);
      defineElement(tag, Second);
    } finally {
      console.warn = warn;
    }
    expect(customElements.get(tag)).to.equal(First);
    expect(warnings).to.deep.equal([]);
  });

  it('warns once, naming both versions, when another version defined the tag first', () => {
    const tag = `x-guard-${uniqueName('b')}`;
    class Other extends LitElement {}
    customElements.define(tag, Other);
    const registry = (globalThis as unknown as Record<symbol, Map<string, string>>)[
      Symbol.for('compassionate-leadership-widgets.versions')
    ]!;
    registry.set(tag, '0.0.1');
    const warnings: string[] = [];
    const warn = console.warn;
    console.warn = (message: string) => warnings.push(message);
    try {
      defineElement(tag, class extends LitElement {});
    } finally {
      console.warn = warn;
    }
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('0.0.1').and.include(VERSION);
  });
});

describe('toJson (JSON whatever the host page did to toJSON)', () => {
  const data = { list: [1, 'two', [3]], nested: { items: [{ id: 'a' }] }, empty: [], text: 'x', count: 2 };
  const expected = '{"list":[1,"two",[3]],"nested":{"items":[{"id":"a"}]},"empty":[],"text":"x","count":2}';

  it('writes plain data as JSON.stringify does', () => {
    expect(toJson(data)).to.equal(JSON.stringify(data));
    expect(toJson(data)).to.equal(expected);
    expect(toJson([data])).to.equal(`[${expected}]`);
  });

  it('writes lists as lists under an Array.prototype.toJSON like Prototype 1.6’s, and keeps a Date’s own toJSON', () => {
    const arrayProto = Array.prototype as unknown as { toJSON?: () => string };
    arrayProto.toJSON = function (this: unknown[]) {
      return `[${this.map((item) => JSON.stringify(item)).join(', ')}]`;
    };
    try {
      // What the page's JSON.stringify now writes: every list as a string.
      expect(JSON.stringify(data)).to.not.equal(expected);
      expect(toJson(data)).to.equal(expected);
      expect(toJson([data])).to.equal(`[${expected}]`);
      expect(toJson({ at: new Date(0) })).to.equal('{"at":"1970-01-01T00:00:00.000Z"}');
    } finally {
      delete arrayProto.toJSON;
    }
  });
});

describe('emit (typed cl-* events)', () => {
  it('dispatches a bubbling, composed event with its detail that crosses shadow roots', async () => {
    const outer = await fixture(html`<div></div>`);
    const root = outer.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    root.append(inner);
    setTimeout(() => emit(inner, 'cl-language-change', { language: 'cy' }));
    const event = await oneEvent(document, 'cl-language-change');
    expect(event.detail).to.deep.equal({ language: 'cy' });
    expect(event.bubbles && event.composed).to.equal(true);
  });

  it('returns false when a listener cancels a cancelable event', () => {
    const target = document.createElement('div');
    target.addEventListener('cl-language-change', (e) => e.preventDefault());
    expect(emit(target, 'cl-language-change', { language: 'en' }, { cancelable: true })).to.equal(false);
  });
});

describe('requestJson (the one network module)', () => {
  it('returns the parsed body and the final URL, without credentials', async () => {
    const url = await mock(uniqueName('http-ok'), { body: { a: 1 } });
    const result = await requestJson(url);
    expect(result).to.deep.include({ ok: true, status: 200, url, data: { a: 1 } });
  });

  it('returns an error response’s JSON body as a value, never a throw', async () => {
    const url = await mock(uniqueName('http-422'), { status: 422, body: { errors: { email: 'invalid' } } });
    const result = await requestJson(url, { method: 'POST', json: { email: 'x' } });
    expect(result).to.deep.include({ ok: false, kind: 'http', status: 422, data: { errors: { email: 'invalid' } } });
  });

  it('reports a refused connection as a network failure', async () => {
    const result = await requestJson('http://127.0.0.1:9/nothing-listens-here');
    expect(result).to.include({ ok: false, kind: 'network' });
  });

  it('reports a timeout, and a caller’s cancellation, as values', async () => {
    const url = await mock(uniqueName('http-slow'), { body: {} });
    // The answer is held back: only the timeout can end the wait.
    const held = holdResponses(url);
    try {
      expect(await requestJson(url, { timeoutMs: 100 })).to.include({ ok: false, kind: 'timeout' });
      expect(held.held()).to.equal(1);
    } finally {
      held.restore();
    }
    const controller = new AbortController();
    const pending = requestJson(url, { signal: controller.signal });
    controller.abort();
    expect(await pending).to.include({ ok: false, kind: 'aborted' });
  });

  it('stops reading past maxBytes', async () => {
    const url = await mock(uniqueName('http-big'), { body: { text: 'x'.repeat(5000) } });
    expect(await requestJson(url, { maxBytes: 1000 })).to.include({ ok: false, kind: 'too-large' });
  });

  it('sends a POST with JSON and the caller’s headers', async () => {
    const name = uniqueName('http-post');
    const url = await mock(name, { status: 201, body: { reference: 'R1' } });
    const result = await requestJson(url, { method: 'POST', json: { a: 1 }, headers: { 'Idempotency-Key': 'k' } });
    expect(result).to.deep.include({ ok: true, status: 201, data: { reference: 'R1' } });
    expect(await requestCount(`/__test__/mock/${name}`, 'POST')).to.equal(1);
  });
});

describe('the guarded storage adapter', () => {
  it('keeps values under its own prefix and never touches other keys', () => {
    localStorage.setItem('host-key', 'host');
    localStore.set('probe', { a: 1 });
    expect(localStore.get('probe')).to.deep.equal({ a: 1 });
    expect(localStorage.getItem(`${STORAGE_PREFIX}probe`)).to.equal('{"a":1}');
    localStore.remove('probe');
    expect(localStore.get('probe')).to.equal(undefined);
    expect(localStorage.getItem('host-key')).to.equal('host');
    localStorage.removeItem('host-key');
  });

  it('falls back to memory when storage throws', () => {
    const setItem = Storage.prototype.setItem;
    const getItem = Storage.prototype.getItem;
    Storage.prototype.setItem = () => {
      throw new DOMException('quota', 'QuotaExceededError');
    };
    Storage.prototype.getItem = () => {
      throw new DOMException('blocked', 'SecurityError');
    };
    try {
      expect(sessionStore.set('draft', { message: 'kept' })).to.equal(false);
      expect(sessionStore.get('draft')).to.deep.equal({ message: 'kept' });
    } finally {
      Storage.prototype.setItem = setItem;
      Storage.prototype.getItem = getItem;
      sessionStore.remove('draft');
    }
  });

  it('refuses a value over its cap and drops any older copy', () => {
    localStore.set('big', 'small');
    expect(localStore.set('big', 'x'.repeat(MAX_VALUE_CHARS + 1))).to.equal(false);
    expect(localStore.get('big')).to.equal(undefined);
  });

  it('ignores a stored value that is not JSON', () => {
    localStorage.setItem(`${STORAGE_PREFIX}broken`, '{not json');
    expect(localStore.get('broken')).to.equal(undefined);
    localStorage.removeItem(`${STORAGE_PREFIX}broken`);
  });
});
