import { expect } from '@open-wc/testing';
import type { BaseElement } from '../../src/internal/base-element.js';
import { feedStoreOptions } from '../../src/feed/store.js';
import { localStore } from '../../src/internal/storage.js';
import { mock, server, uniqueName, until, type MockResponse } from '../harness.js';
import {
  ALL_WIDGETS_HTML,
  FIXTURES,
  WIDGET_TAGS,
  catchUncaught,
  fillAndSend,
  mount,
  pageReport,
  servedPage,
  settledView,
  widgetsIn,
  type PageReport,
} from './widgets.js';

/*
 * Network faults for the feed and the contact endpoint, against the real
 * server: every widget shows an error panel (with the partner's light-DOM
 * content) or the last good copy, a contact draft is kept, nothing throws
 * into the page, and the page around keeps working.
 */
const SMALL_FEED = {
  version: 1,
  principles: [{ id: 'a', number: 1, title: 'Slow but sure', summary: 'Arrived late.' }],
};

async function widgetsFor(
  responses: MockResponse[],
): Promise<{ url: string; container: HTMLDivElement; widgets: BaseElement[] }> {
  const url = await mock(uniqueName('fault'), ...responses);
  const container = mount(
    `<button type="button" id="host-button">Host</button><cl-feed src="${url}">${WIDGET_TAGS.map((tag) => `<${tag}><p>Partner fallback</p></${tag}>`).join('')}</cl-feed>`,
  );
  return { url, container, widgets: widgetsIn(container) };
}

/** Each widget's view, and whether its error panel shows the partner's own content. */
async function outcome(widgets: BaseElement[]): Promise<string[]> {
  const views: string[] = [];
  for (const el of widgets) {
    const view = await settledView(el, 12_000);
    const slot = el.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])');
    const fallback =
      view === 'error' &&
      slot !== null &&
      slot.assignedNodes().some((node) => node.textContent?.includes('Partner fallback'));
    views.push(
      `${el.localName}: ${view}${fallback ? ' + fallback' : ''}${el.shadowRoot!.querySelector('[part="stale"]') ? ' (saved copy)' : ''}`,
    );
  }
  return views;
}

const ALL = (what: string) => WIDGET_TAGS.map((tag) => `${tag}: ${what}`);

describe('network faults', () => {
  let uncaught: ReturnType<typeof catchUncaught>;
  beforeEach(() => {
    uncaught = catchUncaught();
  });
  afterEach(() => {
    uncaught.stop();
    expect(uncaught.errors).to.deep.equal([]);
  });

  const FAULTS: Record<string, { responses: MockResponse[]; expected: string[] }> = {
    '404': { responses: [{ status: 404, body: { error: 'not found' } }], expected: ALL('error + fallback') },
    '500': { responses: [{ status: 500, body: 'Internal Server Error' }], expected: ALL('error + fallback') },
    'truncated JSON': {
      responses: [{ body: JSON.stringify(SMALL_FEED).slice(0, 40) }],
      expected: ALL('error + fallback'),
    },
    'an HTML page instead of JSON': {
      responses: [{ headers: { 'Content-Type': 'text/html' }, body: '<!doctype html><p>Sign in</p>' }],
      expected: ALL('error + fallback'),
    },
    'a CORS refusal': {
      responses: [{ headers: { 'Access-Control-Allow-Origin': 'https://elsewhere.example' }, body: SMALL_FEED }],
      expected: ALL('error + fallback'),
    },
    'a slow trickle that completes': {
      responses: [{ body: SMALL_FEED, trickleMs: 3 }],
      expected: ['cl-principle-cards: content', ...ALL('content').slice(1)],
    },
  };

  for (const [name, { responses, expected }] of Object.entries(FAULTS)) {
    it(`${name}: ${expected.some((e) => e.includes('error')) ? 'an error panel with the partner’s content' : 'the content'}, and the page keeps working`, async () => {
      const { container, widgets } = await widgetsFor(responses);
      try {
        expect(await outcome(widgets)).to.deep.equal(expected);
        let clicked = false;
        container.querySelector('#host-button')!.addEventListener('click', () => (clicked = true));
        container.querySelector<HTMLButtonElement>('#host-button')!.click();
        expect(clicked).to.equal(true);
      } finally {
        container.remove();
      }
    });
  }

  it('a timeout: an error panel with the partner’s content', async () => {
    const saved = feedStoreOptions.timeoutMs;
    feedStoreOptions.timeoutMs = 300;
    try {
      const { container, widgets } = await widgetsFor([{ body: SMALL_FEED, delayMs: 3000 }]);
      try {
        expect(await outcome(widgets)).to.deep.equal(ALL('error + fallback'));
      } finally {
        container.remove();
      }
    } finally {
      feedStoreOptions.timeoutMs = saved;
    }
  });

  it('a redirect to another origin: the content, addresses resolved against the final URL', async () => {
    const other = `${server.replace('127.0.0.1', 'localhost')}/test/fixtures/hardening/feed.json`;
    const { container, widgets } = await widgetsFor([{ status: 302, headers: { Location: other } }]);
    try {
      expect(await outcome(widgets)).to.deep.equal(ALL('content'));
      const player = widgets.find((el) => el.localName === 'cl-film-player')!;
      player.shadowRoot!.querySelector<HTMLButtonElement>('[part="play-button"]')!.click();
      const source = await until(() => player.shadowRoot!.querySelector('source'), 'the video source');
      expect(source.src).to.equal(new URL('../film-player/clip.webm', other).href);
    } finally {
      container.remove();
    }
  });

  it('a failure with a last good copy: the copy, marked as saved', async () => {
    const url = await mock(uniqueName('fault-stale'), { status: 500 });
    localStore.set(`feed:${url}`, {
      url,
      savedAt: Date.now() - 86_400_000,
      data: await (await fetch(`${FIXTURES}/feed.json`)).json(),
    });
    const container = mount(
      `<cl-feed src="${url}">${WIDGET_TAGS.map((tag) => `<${tag}></${tag}>`).join('')}</cl-feed>`,
    );
    try {
      expect(await outcome(widgetsIn(container))).to.deep.equal(ALL('content (saved copy)'));
    } finally {
      container.remove();
      localStore.remove(`feed:${url}`);
    }
  });

  it('storage blocked (a sandboxed iframe): every widget still works', async () => {
    const url = await servedPage(uniqueName('sandboxed'), { body: ALL_WIDGETS_HTML });
    const result = await pageReport<PageReport>(url, { sandbox: 'allow-scripts' });
    expect(result.storage).to.equal('blocked');
    expect(result.errors).to.deep.equal([]);
    expect(result.views).to.deep.equal(ALL('content'));
  });
});

describe('contact endpoint faults', () => {
  const ENDPOINT_FAULTS: Record<string, MockResponse[]> = {
    '500 twice': [{ status: 500, body: { error: 'down' } }],
    'a CORS refusal': [
      {
        status: 201,
        headers: { 'Access-Control-Allow-Origin': 'https://elsewhere.example' },
        body: { reference: 'X' },
      },
    ],
    '404': [{ status: 404, body: { error: 'not found' } }],
  };

  for (const [name, responses] of Object.entries(ENDPOINT_FAULTS)) {
    it(`${name}: a failure panel, the draft kept across a reload of the form, the page working`, async () => {
      const uncaught = catchUncaught();
      const endpoint = await mock(uniqueName('contact-fault'), ...responses);
      // An id of its own: the draft is kept per page and form id.
      const html = `<cl-contact-form id="${uniqueName('form')}" src="${FIXTURES}/feed.json" endpoint="${endpoint}"></cl-contact-form>`;
      let container = mount(html);
      try {
        const form = widgetsIn(container)[0]!;
        expect(await settledView(form)).to.equal('content');
        await fillAndSend(form);
        const panel = await until(
          () => form.shadowRoot!.querySelector('[part="status"][role="alert"]:not([data-tone="notice"])'),
          'the failure panel',
          10_000,
        );
        expect(panel.textContent).to.not.equal('');
        // The form goes away and comes back (a page change in a single-page app): the draft is restored.
        container.remove();
        container = mount(html);
        const again = widgetsIn(container)[0]!;
        await settledView(again);
        expect(again.shadowRoot!.querySelector<HTMLTextAreaElement>('#message')!.value).to.equal(
          'A message that must not be lost.',
        );
        expect(again.shadowRoot!.querySelector<HTMLInputElement>('#email')!.value).to.equal('ffion@example.org');
      } finally {
        container.remove();
        uncaught.stop();
      }
      expect(uncaught.errors).to.deep.equal([]);
    });
  }
});
