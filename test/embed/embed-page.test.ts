import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/embed/embed-resize.js';
import type { EmbedData } from '../../src/embed/catalog.js';
import type { EmbedResizeMessage } from '../../src/embed/messages.js';
import { server, until } from '../harness.js';

/*
 * The built embed page (dist/cdn/embed.html, from scripts/build-embed.mjs)
 * on the project server: another origin than this test page, as on a
 * partner's site. This page runs the host script (embed-resize.ts).
 */
const SANDBOX = 'allow-scripts allow-same-origin allow-popups';
const data = (await (await fetch(`${server}/dist/cdn/embed-widgets.json`)).json()) as EmbedData;

const frames: HTMLIFrameElement[] = [];
const messages: { source: MessageEventSource | null; data: unknown }[] = [];
addEventListener('message', (event) => messages.push({ source: event.source, data: event.data }));
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
  messages.length = 0;
});

async function embed(src: string, width = '600px'): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  Object.assign(frame, { src, title: 'Embedded widget' });
  frame.setAttribute('sandbox', SANDBOX);
  frame.style.cssText = `width: ${width}; height: 150px; border: 0; display: block`;
  frames.push(frame);
  document.body.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame;
}

function height(frame: HTMLIFrameElement): number {
  return parseFloat(frame.style.height);
}

/** The last height the frame reported; every message has exactly the documented shape. */
function reported(frame: HTMLIFrameElement): number | undefined {
  const own = messages.filter((m) => m.source === frame.contentWindow).map((m) => m.data as EmbedResizeMessage);
  for (const message of own) expect(Object.keys(message).sort()).to.deep.equal(['height', 'type']);
  return own.at(-1)?.height;
}

/**
 * Waits for the frame's height to settle and returns it: the page has reported
 * a height (so the iframe's own starting height does not count) and it has
 * stayed the same for 1.5 s (the feed has loaded, the widget rendered), even
 * on a busy machine.
 */
async function steadyHeight(frame: HTMLIFrameElement): Promise<number> {
  let last = -1;
  let since = performance.now();
  await until(
    () => {
      const now = height(frame);
      if (now !== last) {
        last = now;
        since = performance.now();
      }
      return reported(frame) !== undefined && now > 0 && performance.now() - since > 1500;
    },
    'the iframe height to settle',
    10_000,
  );
  return last;
}

describe('embed page in an iframe on another origin', () => {
  it('lists every widget the build found', () => {
    expect(data.widgets.map((w) => w.name)).to.include.members([
      'principle-cards',
      'resource-list',
      'film-player',
      'contact-form',
    ]);
  });

  for (const name of ['principle-cards', 'resource-list', 'film-player', 'contact-form']) {
    it(`sizes the iframe to the ${name} widget's content, in English and Welsh`, async () => {
      for (const lang of ['en', 'cy']) {
        const frame = await embed(`${server}/dist/cdn/embed.html?widget=${name}&lang=${lang}`);
        const settledHeight = await steadyHeight(frame);
        expect(settledHeight).to.be.greaterThan(150);
        expect(reported(frame)).to.equal(settledHeight);
        frame.remove();
      }
    });
  }

  it('grows when a principle card is opened by keyboard', async () => {
    const frame = await embed(`${server}/dist/cdn/embed.html?widget=principle-cards&principles=1`);
    const before = await steadyHeight(frame);
    frame.focus();
    // The card's title link comes first, then its "in practice" button: Space presses buttons, not links.
    for (let tries = 0; tries < 4 && height(frame) <= before; tries++) {
      await sendKeys({ press: 'Tab' });
      await sendKeys({ press: ' ' });
      await new Promise((r) => setTimeout(r, 300));
    }
    expect(await steadyHeight(frame)).to.be.greaterThan(before);
  });

  it('shrinks when a search leaves no resources, and grows back', async () => {
    const frame = await embed(`${server}/dist/cdn/embed.html?widget=resource-list&page-size=3`);
    const before = await steadyHeight(frame);
    // Into the search box by keyboard. On a busy machine the first key press can reach the cross-origin
    // frame before it takes focus; the search box is then still empty, so the same keys are pressed again.
    for (let attempt = 0; attempt < 3 && !(height(frame) < before); attempt++) {
      frame.focus();
      await sendKeys({ press: 'Tab' });
      await sendKeys({ type: 'zzqqxx' });
      await until(() => height(frame) < before, 'the iframe to shrink', 5000).catch(() => undefined);
    }
    expect(height(frame)).to.be.lessThan(before);
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'Backspace' });
    await until(() => height(frame) === before, 'the iframe to grow back', 10_000);
  }).timeout(45_000);

  it('follows the width of the host: narrower is taller', async () => {
    const frame = await embed(`${server}/dist/cdn/embed.html?widget=principle-cards`, '700px');
    const wide = await steadyHeight(frame);
    frame.style.width = '320px';
    await until(() => height(frame) > wide, 'the iframe to grow when narrowed');
  });
});

describe('embed page query string (same origin, to look inside)', () => {
  async function widgetIn(query: string): Promise<Element | null> {
    const frame = await embed(`/dist/cdn/embed.html?${query}`);
    const doc = frame.contentDocument!;
    return until(() => doc.querySelector('main')?.firstElementChild, 'the embed page to render');
  }

  it('ignores unknown parameters and invalid values', async () => {
    const element = (await widgetIn(
      'widget=principle-cards&lang=cy&layout=list&onclick=alert(1)&heading-level=99&src=javascript:alert(1)&x-unknown=1&style=display:none&--cl-color-accent=%23123456&--cl-font-family=evil',
    ))!;
    expect(element.localName).to.equal('cl-principle-cards');
    // The widget reflects its own properties as attributes; none of the refused values got through.
    for (const refused of ['onclick', 'x-unknown', 'widget'])
      expect(element.hasAttribute(refused), refused).to.equal(false);
    expect(element.getAttribute('src') ?? '').to.equal('');
    expect(element.getAttribute('heading-level')).not.to.equal('99');
    expect(element.getAttribute('layout')).to.equal('list');
    expect(element.getAttribute('style')).to.equal('--cl-color-accent: #123456;');
    expect(element.ownerDocument.documentElement.lang).to.equal('cy');
  });

  it('says which widgets exist when the address names none, in the asked language', async () => {
    const message = (await widgetIn('widget=<script>&lang=cy'))!;
    expect(message.textContent).to.contain('Nid yw cyfeiriad');
    const names = [...message.ownerDocument.querySelectorAll('li code')].map((code) => code.textContent);
    expect(names).to.include.members(['principle-cards', 'resource-list']);
  });

  it('opens links in a new tab', async () => {
    const element = (await widgetIn('widget=principle-cards&principles=1'))!;
    const doc = element.ownerDocument;
    expect(doc.querySelector('base')?.getAttribute('target')).to.equal('_blank');
    const link = await until(
      () => element.shadowRoot?.querySelector<HTMLAnchorElement>('a[href]'),
      'a link in the card',
    );
    expect(link.target === '' || link.target === '_blank').to.equal(true);
  });
});
