import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/embed/embed-resize.js';
import type { BaseElement } from '../../src/internal/base-element.js';
import { IFRAME_SANDBOX, iframeSnippet } from '../../src/embed/builder.js';
import { frameHeight, type EmbedData } from '../../src/embed/catalog.js';
import type { EmbedResizeMessage } from '../../src/embed/messages.js';
import { parseEmbedQuery } from '../../src/embed/options.js';
import { mock, server, uniqueName, until } from '../harness.js';

/*
 * The built embed page (dist/cdn/embed.html, from scripts/build-embed.mjs)
 * on the project server: another origin than this test page, as on a
 * partner's site. This page runs the host script (embed-resize.ts).
 */
const data = (await (await fetch(`${server}/dist/cdn/embed-widgets.json`)).json()) as EmbedData;

const frames: HTMLElement[] = [];
const messages: { source: MessageEventSource | null; origin: string; data: unknown }[] = [];
addEventListener('message', (event) => messages.push({ source: event.source, origin: event.origin, data: event.data }));
afterEach(() => {
  for (const frame of frames.splice(0)) frame.remove();
  messages.length = 0;
});

async function embed(src: string, width = '600px', parent: HTMLElement = document.body): Promise<HTMLIFrameElement> {
  const frame = document.createElement('iframe');
  Object.assign(frame, { src, title: 'Embedded widget' });
  frame.setAttribute('sandbox', IFRAME_SANDBOX);
  frame.style.cssText = `width: ${width}; height: 150px; border: 0; display: block`;
  frames.push(frame);
  parent.append(frame);
  await new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  return frame;
}

/**
 * The iframe of the builder's snippet for the embed options in `query` with the CDN on `cdnOrigin`, as a partner pastes
 * it, put at the top of this page (so its `loading="lazy"` loads it at once); `src` replaces its page, keeping every
 * attribute the snippet gives.
 */
async function pastedFrame(query: string, cdnOrigin = server, src?: string): Promise<HTMLIFrameElement> {
  const options = parseEmbedQuery(new URLSearchParams(query), data.widgets, new URL(cdnOrigin).origin)!;
  const holder = document.createElement('div');
  holder.innerHTML = iframeSnippet(options, new URL('/dist/cdn/', cdnOrigin), {}, 'Embedded widget');
  const frame = holder.querySelector('iframe')!;
  if (src) frame.src = src;
  frames.push(frame);
  document.body.prepend(frame);
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
 * Waits for the cross-origin `frame` to take the height of its loaded content
 * and returns it. This page cannot look inside that frame, so the height is
 * read from a same-origin copy of the embed page, as wide, whose widget can be
 * seen to finish loading and which has then reported that height.
 */
async function steadyHeight(frame: HTMLIFrameElement): Promise<number> {
  const { pathname, search } = new URL(frame.src);
  const twin = await embed(`${pathname}${search}`, frame.style.width);
  const doc = twin.contentDocument!;
  const widget = await until(() => doc.querySelector<BaseElement>('main > *'), 'the copy to render');
  await until(
    () => widget.shadowRoot?.querySelector('.cl-root') && !widget.shadowRoot.querySelector('[aria-busy="true"]'),
    'the copy’s widget to load',
  );
  await widget.updateComplete;
  const loaded = () => Math.ceil(doc.documentElement.getBoundingClientRect().height);
  // Steady once the copy has reported its height and been given it: until then it may have a scrollbar, which narrows
  // its content (the film's 16:9 poster is then a few pixels shorter) and ends when the frame takes its height.
  await until(
    () => reported(twin) === loaded() && height(twin) === loaded(),
    'the copy to report its loaded height and take it',
  );
  const expected = loaded();
  twin.remove();
  await until(() => height(frame) === expected, `the iframe to take the loaded height, ${expected} px`);
  return expected;
}

/**
 * Moves keyboard focus into `frame` as a reader does: from the control before
 * it on the host page, with Tab, which lands on the frame's first control. A
 * key pressed before the cross-origin frame holds focus goes nowhere, so this
 * waits once for it to hold focus (the frame has reported its height: its page
 * is running) and presses nothing again.
 */
async function tabIntoFrame(frame: HTMLIFrameElement): Promise<void> {
  await until(() => reported(frame) !== undefined, 'the embed page to report its height');
  const before = document.createElement('button');
  before.textContent = 'Before the embed';
  frames.push(before);
  frame.before(before);
  before.focus();
  await sendKeys({ press: 'Tab' });
  await until(() => document.activeElement === frame, 'the frame to take focus');
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

  for (const name of ['principle-cards', 'resource-list', 'film-player', 'contact-form']) {
    it(`the builder's iframe height fits the ${name} widget 700 px wide, with at most a fifth to spare, in English and Welsh`, async () => {
      const snippetHeight = frameHeight(name);
      for (const lang of ['en', 'cy']) {
        const content = await steadyHeight(await embed(`${server}/dist/cdn/embed-${name}.${lang}.html`, '700px'));
        expect(content, `${lang}: ${content} px of content in a ${snippetHeight} px frame`).to.be.within(
          0.8 * snippetHeight,
          snippetHeight,
        );
      }
    });
  }

  /** Each page's title: what a reader hears of a frame whose snippet gives it no title of its own. */
  const TITLES: Record<string, Record<string, string>> = {
    'principle-cards': {
      en: 'Compassionate leadership: principle cards',
      cy: 'Arweinyddiaeth dosturiol: cardiau egwyddorion',
    },
    'resource-list': { en: 'Compassionate leadership: resource list', cy: 'Arweinyddiaeth dosturiol: rhestr adnoddau' },
    'film-player': { en: 'Compassionate leadership: film player', cy: 'Arweinyddiaeth dosturiol: chwaraewr ffilmiau' },
    'contact-form': { en: 'Compassionate leadership: contact form', cy: 'Arweinyddiaeth dosturiol: ffurflen gysylltu' },
  };

  for (const name of ['principle-cards', 'resource-list', 'film-player', 'contact-form']) {
    it(`the prerendered embed page of the ${name} widget has it in its HTML, and takes the plain page's height`, async () => {
      for (const lang of ['en', 'cy']) {
        const file = `embed-${name}.${lang}.html`;
        const html = await (await fetch(`/dist/cdn/${file}`)).text();
        expect(html).to.contain(`<html lang="${lang}">`);
        expect(html, 'its title names the widget in its language').to.contain(`<title>${TITLES[name][lang]}</title>`);
        expect(html).to.match(new RegExp(`<main><cl-${name} [^>]*lang="${lang}"><template shadowroot="open"`));
        if (name === 'film-player') {
          // Its facade alone: the play button works once that small script has run, and it loads the rest.
          expect(html).to.contain(`<script type="module" src="./film-player.facade.js"></script>`);
          expect(html).to.not.contain('modulepreload');
        } else {
          expect(html).to.contain(`<script type="module" src="./${name}.js"></script>`);
          expect(html, 'its chunks preloaded').to.match(
            /<link rel="modulepreload" href="\.\/chunks\/hydrate-[^"]+\.js" integrity="sha384-/,
          );
        }
        const plain = await embed(`${server}/dist/cdn/embed.html?widget=${name}&lang=${lang}`);
        const prerendered = await embed(`${server}/dist/cdn/${file}`);
        const expected = await steadyHeight(plain);
        expect(await steadyHeight(prerendered)).to.equal(expected);
        expect(reported(prerendered)).to.equal(expected);
        plain.remove();
        prerendered.remove();
      }
    });
  }

  for (const name of ['principle-cards', 'resource-list', 'film-player', 'contact-form']) {
    it(`the ${name} embed page, loaded in a closed tab panel, takes its content's height when the panel opens`, async () => {
      for (const lang of ['en', 'cy']) {
        // Tab panels are commonly closed with `hidden`: the frame loads and lays out while its panel is not displayed.
        const panel = document.createElement('div');
        panel.hidden = true;
        frames.push(panel);
        document.body.append(panel);
        const frame = await embed(`${server}/dist/cdn/embed-${name}.${lang}.html`, '600px', panel);
        await until(() => reported(frame) !== undefined, 'the embed page to report its height while hidden');
        panel.hidden = false;
        const shown = await steadyHeight(frame);
        expect(reported(frame), lang).to.equal(shown);
        panel.remove();
      }
    });
  }

  it('the builder’s frame opens its links as pages like any other: a form on a page opened from it can be sent', async () => {
    // On this page's origin, to see the widget load; a frame's sandbox goes with the tabs it opens whatever the origin.
    const feed = `${location.origin}/test/fixtures/embed/opened-feed.json`;
    const frame = await pastedFrame(`widget=principle-cards&src=${encodeURIComponent(feed)}`, location.origin);
    const cards = await until(
      () => frame.contentDocument?.querySelector<BaseElement>('cl-principle-cards'),
      'the cards',
    );
    await until(() => cards.shadowRoot?.querySelector('a'), 'the principle’s link');
    const channel = new BroadcastChannel('cl-opened-page');
    const heard: unknown[] = [];
    channel.onmessage = (event) => heard.push(event.data);
    try {
      await tabIntoFrame(frame);
      await sendKeys({ press: 'Enter' });
      await until(() => heard.includes('opened'), 'the link to open its page');
      await until(() => heard.includes('sent'), 'the opened page to send its form');
    } finally {
      channel.postMessage('close');
      channel.close();
    }
  });

  it('the builder’s film player frame lets the player in it start with sound and go full screen; no other frame may', async () => {
    const name = uniqueName('allowed');
    // Stands in for the embed page, in the snippet's frame: what that frame allows the page in it, and so its player.
    const reporter = await mock(name, {
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: `<!doctype html><title>Allowed</title><script>
parent.postMessage({ fullscreen: document.fullscreenEnabled, autoplay: document.featurePolicy?.allowsFeature('autoplay') }, '*');
</script>`,
    });
    for (const [widget, allowed] of [
      ['film-player', true],
      ['principle-cards', false],
    ] as const) {
      const frame = await pastedFrame(`widget=${widget}&lang=en`, server, reporter);
      const report = await until(() => messages.find((m) => m.source === frame.contentWindow), `${widget}'s report`);
      const { fullscreen, autoplay } = report.data as { fullscreen: boolean; autoplay?: boolean };
      expect(fullscreen, `${widget}: full screen`).to.equal(allowed);
      // Only Chromium tells a page whether it may autoplay (Permissions Policy's document.featurePolicy).
      if (autoplay !== undefined) expect(autoplay, `${widget}: autoplay`).to.equal(allowed);
    }
  });

  it('grows when a principle card is opened by keyboard', async () => {
    const frame = await embed(`${server}/dist/cdn/embed.html?widget=principle-cards&principles=1`);
    const before = await steadyHeight(frame);
    // The card's "in practice" button is the first control in the frame (its link comes after).
    await tabIntoFrame(frame);
    await sendKeys({ press: ' ' });
    await until(() => height(frame) > before, 'the iframe to grow');
  });

  it('shrinks when a search leaves no resources, and grows back', async () => {
    const frame = await embed(`${server}/dist/cdn/embed.html?widget=resource-list&page-size=3`);
    const before = await steadyHeight(frame);
    // The search box is the first control in the frame.
    await tabIntoFrame(frame);
    await sendKeys({ type: 'zzqqxx' });
    await until(() => height(frame) < before, 'the iframe to shrink', 10_000);
    for (let i = 0; i < 6; i++) await sendKeys({ press: 'Backspace' });
    await until(() => height(frame) === before, 'the iframe to grow back', 10_000);
  });

  it('follows the width of the host: narrower is taller', async () => {
    const frame = await embed(`${server}/dist/cdn/embed.html?widget=principle-cards`, '700px');
    const wide = await steadyHeight(frame);
    frame.style.width = '320px';
    await until(() => height(frame) > wide, 'the iframe to grow when narrowed');
  });
});

describe('the host resize script (embed-resize.js)', () => {
  const page = fetch('/test/fixtures/embed/post-message.html').then((response) => response.text());
  /** test/fixtures/embed/post-message.html on the project server (another origin), with `query`. */
  async function pageOnServer(query: Record<string, string>): Promise<string> {
    const url = await mock(uniqueName('post-message'), {
      headers: { 'Content-Type': 'text/html; charset=utf-8' },
      body: await page,
    });
    return `${url}?${new URLSearchParams(query).toString()}`;
  }
  /** A page on the project server that posts `message` to this page. */
  const posting = (message: unknown) => pageOnServer({ message: JSON.stringify(message) });
  const resize = (height: unknown) => ({ type: 'cl-embed:resize', height });
  /** Waits for `frame`'s page to have posted `count` messages here (this listener runs after the script's). */
  const posted = (frame: HTMLIFrameElement, count = 1) =>
    until(() => messages.filter((m) => m.source === frame.contentWindow).length === count, 'the frame’s message');

  it('sizes the frame that sent the message, and no other', async () => {
    const sender = await embed(await posting(resize(321.2)));
    const other = await embed(await posting({ type: 'something-else' }));
    await posted(sender);
    await posted(other);
    expect([sender.style.height, other.style.height]).to.deep.equal(['322px', '150px']);
  });

  it('caps the height at 50,000 px', async () => {
    const frame = await embed(await posting(resize(10_000_000)));
    await posted(frame);
    expect(frame.style.height).to.equal('50000px');
  });

  it('ignores a message of another shape, or a height that is not a number of 0 or more', async () => {
    for (const message of [resize('400'), resize(-5), resize(null), { type: 'cl-embed:size', height: 400 }, 'x']) {
      const frame = await embed(await posting(message));
      await posted(frame);
      expect(frame.style.height, JSON.stringify(message)).to.equal('150px');
    }
  });

  it('ignores a message from a frame whose page is now on another origin than its src', async () => {
    const query = new URLSearchParams({ message: JSON.stringify(resize(400)) });
    const elsewhere = `${location.origin}/test/fixtures/embed/post-message.html?${query.toString()}`;
    const frame = await embed(await pageOnServer({ then: elsewhere }));
    await posted(frame);
    expect(new URL(frame.src).origin).to.equal(new URL(server).origin);
    expect(messages.find((m) => m.source === frame.contentWindow)!.origin).to.equal(location.origin);
    expect(frame.style.height).to.equal('150px');
  });

  it('ignores a message from a window that is not a frame on this page', async () => {
    const frame = await embed(await posting({}));
    await posted(frame);
    window.postMessage(resize(400), '*');
    await until(() => messages.some((m) => m.source === window), 'this page’s own message');
    expect(frame.style.height).to.equal('150px');
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
