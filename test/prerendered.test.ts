/**
 * Prerendered HTML (the build's `prerendered/<widget>.<lang>.json`, from dist/ssr/render.js): its content is on the
 * page before any script, and the widget's own entry then hydrates it in place: the same nodes (nothing rendered
 * twice), the same boxes (no shift), focus kept, the same text as a fresh render, and the widget works.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BaseElement } from '../src/internal/base-element.js';
import { FIRST_RESOURCES } from '../src/feed/sections/resources.js';
import { FEED_COPY_ATTRIBUTE, type CutCopy } from '../src/feed/store.js';
import { STORAGE_PREFIX } from '../src/internal/storage.js';
import { mock, parts, uniqueName, until, untilRequested, visibleText } from './harness.js';
import {
  closePages,
  contactFeed,
  openPrerendered,
  openPrerenderedWidgets,
  youTubeFeed,
  type OwnFeed,
  type PrerenderedPage,
  CDN,
  elementsIn,
  keptElements,
  snippetFor,
} from './prerendered-page.js';
import { generatedFeed } from './resource-list-fixtures.js';

afterEach(closePages);

const CASES: [string, string, (() => OwnFeed)?][] = [
  ['principle-cards', 'the built-in feed'],
  ['film-player', 'the built-in feed'],
  ['resource-list', 'the built-in feed'],
  ['contact-form', 'the built-in feed'],
  ['film-player', 'a YouTube film', youTubeFeed],
  ['contact-form', 'an endpoint', contactFeed],
  // Read in two steps in the browser (its first page, then the rest once idle): hydrated from the first step.
  ['resource-list', 'a long list', () => ({ feed: generatedFeed(FIRST_RESOURCES + 50) })],
];

for (const [widget, what, own] of CASES) {
  for (const lang of ['en', 'cy'] as const) {
    it(`${widget} (${lang}, ${what}): content before any script, then hydrated in place: same nodes, same boxes, focus kept`, async () => {
      const page = await openPrerendered(widget, lang, own?.());
      const { element, root } = page;
      expect(element.ownerDocument.defaultView!.customElements.get(`cl-${widget}`)).to.equal(undefined);
      expect(root, 'a declarative shadow root').to.not.equal(null);
      const before = [...root.querySelectorAll('*')];
      expect(visibleText(element).length, 'text on screen').to.be.greaterThan(40);
      const focusable = [...root.querySelectorAll<HTMLElement>('a[href], button, input')]
        .filter((node) => node.checkVisibility())
        .at(-1);
      expect(focusable, 'something to focus').to.not.equal(undefined);
      // Scrolled to first: WebKit scrolls to a focused element at its next rendering update, not in focus().
      focusable!.scrollIntoView({ block: 'center' });
      focusable!.focus();
      // (Booleans, not nodes: a failing comparison of DOM nodes disconnects the test runner's browser.)
      expect(root.activeElement === focusable, 'focused').to.equal(true);
      // Measured with the page scrolled to what has focus.
      const boxes = before.map((node) => JSON.stringify(node.getBoundingClientRect()));

      await page.runScript();

      const after = [...root.querySelectorAll('*')];
      expect(after.length, 'no element added or lost').to.equal(before.length);
      const kept = after.filter((node, index) => node === before[index]).length;
      expect(kept, 'the same nodes, none replaced').to.equal(before.length);
      expect(after.map((node) => JSON.stringify(node.getBoundingClientRect()))).to.deep.equal(boxes);
      expect(root.activeElement === focusable, 'focus kept').to.equal(true);
      expect(
        page.warnings.filter(([text]) => String(text).includes('prerendered')),
        'not rendered afresh',
      ).to.deep.equal([]);
      // Hydration keeps the HTML's text as it is: it must be what the widget renders itself, language included.
      const fresh = element.cloneNode(false) as BaseElement;
      element.after(fresh);
      await until(() => fresh.hasUpdated && fresh.shadowRoot?.querySelector('[part="base"]'), 'a fresh copy');
      await fresh.updateComplete;
      expect(visibleText(element)).to.equal(visibleText(fresh));
    });
  }
}

it('principle cards: after hydration the practice toggle opens its panel', async () => {
  const page = await openPrerendered('principle-cards', 'en');
  await page.runScript();
  const toggle = page.root.querySelector<HTMLButtonElement>('[part="practice-toggle"]')!;
  const panel = page.root.getElementById(toggle.getAttribute('aria-controls')!)!;
  expect(panel.hidden).to.equal(true);
  toggle.click();
  await page.element.updateComplete;
  expect(toggle.getAttribute('aria-expanded')).to.equal('true');
  expect(panel.hidden).to.equal(false);
});

it('resource list: words typed into the prerendered search box before the script ran are searched for', async () => {
  const page = await openPrerendered('resource-list', 'en');
  const search = page.root.querySelector<HTMLInputElement>('#query')!;
  search.focus();
  await sendKeys({ type: 'myths' });
  expect(search.value).to.equal('myths');
  await page.runScript();
  expect(search.value, 'the words kept').to.equal('myths');
  expect(page.root.activeElement === search, 'focus kept').to.equal(true);
  await until(() => page.root.querySelectorAll('[part="item"]').length === 1, 'one match');
  expect(visibleText(page.root.querySelector('[part="item"]')!)).to.match(/myths/i);
});

it('contact form: what was typed into the prerendered form before the script ran is kept and checked with it', async () => {
  const page = await openPrerendered('contact-form', 'cy', contactFeed());
  const name = page.root.querySelector<HTMLInputElement>('#name')!;
  name.focus();
  await sendKeys({ type: 'Megan' });
  await page.runScript();
  expect(name.value).to.equal('Megan');
  expect(page.root.activeElement === name, 'focus kept').to.equal(true);
  // Sending with the message empty: the summary lists the message and the email, not the name typed before.
  page.root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
  const summary = await until(() => page.root.querySelector('[part="error-summary"]'), 'the error summary');
  const errors = [...summary.querySelectorAll('a')].map((link) => link.getAttribute('href'));
  expect(errors).to.include('#message');
  expect(errors).to.not.include('#name');
});

/** Each choice control's state, by its name or id and value: what a reader sees chosen. */
const choices = (root: ShadowRoot): string[] => [
  ...[...root.querySelectorAll('select')].map((select) => `${select.name}: ${select.value}`),
  ...[...root.querySelectorAll<HTMLInputElement>('input[type="radio"], input[type="checkbox"]')].map(
    (input) => `${input.name || input.id} ${input.value}: ${input.checked}`,
  ),
];

for (const [widget, own] of [
  ['resource-list', undefined],
  ['contact-form', contactFeed],
] as const) {
  for (const lang of ['en', 'cy'] as const) {
    it(`${widget} (${lang}): before any script, its selects and radios show what the widget chose, not the last option`, async () => {
      const page = await openPrerendered(widget, lang, own?.());
      const before = choices(page.root);
      expect(before.length, 'choices to compare').to.be.greaterThan(1);
      await page.runScript();
      const fresh = page.element.cloneNode(false) as BaseElement;
      page.element.after(fresh);
      await until(() => fresh.hasUpdated && fresh.shadowRoot?.querySelector('[part="base"]'), 'a fresh copy');
      await fresh.updateComplete;
      expect(before).to.deep.equal(choices(fresh.shadowRoot!));
      expect(choices(page.root), 'hydrated, nothing changed').to.deep.equal(before);
    });
  }
}

describe('Enter or a press on a prerendered form before its script', () => {
  it('contact form: nothing typed goes into the page’s address, and it is all there when the script comes', async () => {
    const page = await openPrerendered('contact-form', 'en', contactFeed());
    const frameWindow = page.frame.contentWindow!;
    const address = frameWindow.location.href;
    const field = (id: string) => page.root.querySelector<HTMLInputElement | HTMLTextAreaElement>(`#${id}`)!;
    field('name').focus();
    await sendKeys({ type: 'Megan Jones' });
    field('message').focus();
    await sendKeys({ type: 'A private question' });
    field('email').focus();
    await sendKeys({ type: 'megan@example.org' });
    await sendKeys({ press: 'Enter' });
    page.root.querySelector<HTMLButtonElement>('button[type="submit"]')!.click();
    // A submission would have replaced the page by the time its script has come and run.
    await page.runScript();
    expect(page.frame.contentWindow === frameWindow && frameWindow.location.href === address, 'the same page').to.equal(
      true,
    );
    expect(['name', 'email', 'message'].map((id) => field(id).value)).to.deep.equal([
      'Megan Jones',
      'megan@example.org',
      'A private question',
    ]);
  });

  it('resource list: Enter in the search box does not reload the page; the words are searched for', async () => {
    const page = await openPrerendered('resource-list', 'en');
    const frameWindow = page.frame.contentWindow!;
    const address = frameWindow.location.href;
    const search = page.root.querySelector<HTMLInputElement>('#query')!;
    search.focus();
    await sendKeys({ type: 'myths' });
    await sendKeys({ press: 'Enter' });
    await page.runScript();
    expect(page.frame.contentWindow === frameWindow && frameWindow.location.href === address, 'the same page').to.equal(
      true,
    );
    await until(() => page.root.querySelectorAll('[part="item"]').length === 1, 'one match');
  });
});

for (const [saved, expected] of [
  ['', 'b'],
  ['a', 'a'],
] as const) {
  it(`contact form: the tab’s draft comes back after hydration; its topic "${saved}" with the attribute's "b" gives "${expected}"`, async () => {
    const page = await openPrerendered('contact-form', 'en', {
      feed: {
        version: 1,
        contact: {
          endpoint: 'https://forms.example/api/contact',
          topics: [
            { id: 'a', label: 'Topic A' },
            { id: 'b', label: 'Topic B' },
          ],
        },
      },
      attributes: { id: 'form', topic: 'b' },
    });
    const frameWindow = page.frame.contentWindow!;
    const draft = { fields: { message: 'Saved before', topic: saved } };
    frameWindow.sessionStorage.setItem(
      `cl-widgets:contact-draft:${frameWindow.location.pathname}#form`,
      JSON.stringify(draft),
    );
    await page.runScript();
    expect(page.root.querySelector<HTMLTextAreaElement>('#message')!.value).to.equal('Saved before');
    expect(page.root.querySelector<HTMLSelectElement>('#topic')!.value).to.equal(expected);
  });
}

it('film player: after hydration, play asks for consent before anything loads from YouTube', async () => {
  const page = await openPrerendered('film-player', 'en', youTubeFeed());
  await page.runScript();
  page.root.querySelector<HTMLButtonElement>('[part="play-button"]')!.click();
  await until(() => page.root.querySelector('[part="notice"]'), 'the consent notice');
  expect(page.root.querySelector('iframe')).to.equal(null);
});

it('film player: consent remembered in this browser plays at the first press after hydration, and can be forgotten', async () => {
  const key = `${STORAGE_PREFIX}film-consent:youtube`;
  localStorage.setItem(key, 'true');
  try {
    const page = await openPrerendered('film-player', 'en', youTubeFeed());
    const { frame, element, root } = page;
    const script = frame.contentDocument!.createElement('script');
    script.type = 'module';
    script.src = `${CDN}film-player.js`;
    frame.contentDocument!.head.append(script);
    await frame.contentWindow!.customElements.whenDefined('cl-film-player');
    // Pressed in the hydrated facade, in the same task: before the render that shows the remembered consent.
    await element.updateComplete;
    root.querySelector<HTMLButtonElement>('[part="play-button"]')!.click();
    const iframe = await until(() => root.querySelector('iframe'), 'the player');
    expect(new URL(iframe.src).hostname).to.equal('www.youtube-nocookie.com');
    expect(root.querySelector('[part="notice"]'), 'no consent notice').to.equal(null);
    await until(() => root.querySelector('[part="forget"]'), 'the "forget" button');
  } finally {
    localStorage.removeItem(key);
  }
});

it('a snippet the page changed before the script ran (another heading level) is rendered afresh, once, with a warning', async () => {
  const page = await openPrerendered('principle-cards', 'en');
  const { element, root } = page;
  expect(root.querySelectorAll('h3[part="title"]').length, 'prerendered with level 3 titles').to.equal(7);
  element.setAttribute('heading-level', '4');
  const prerenderedCard = root.querySelector('[part="card"]');
  await page.runScript();
  const rerendered = page.warnings.filter(([text]) => String(text).includes('does not match this page'));
  expect(rerendered.length, 'one warning').to.equal(1);
  expect(root.querySelectorAll('[part="base"]').length, 'one widget, not two').to.equal(1);
  expect(root.querySelector('[part="card"]') === prerenderedCard, 'the prerendered nodes replaced').to.equal(false);
  expect(root.querySelectorAll('h4[part="title"]').length, 'level 4 titles').to.equal(7);
  expect(root.querySelectorAll('h3').length, 'no level 3 left').to.equal(0);
  expect(root.querySelectorAll('style').length + root.adoptedStyleSheets.length, 'styled').to.be.greaterThan(0);
  const toggle = root.querySelector<HTMLButtonElement>('[part="practice-toggle"]')!;
  toggle.click();
  await element.updateComplete;
  expect(toggle.getAttribute('aria-expanded'), 'it works').to.equal('true');
});

/** The element's text, as a fresh copy beside it renders it (hydration keeps the HTML's text, so it must be right). */
async function freshText(element: BaseElement): Promise<string> {
  const fresh = element.cloneNode(false) as BaseElement;
  element.after(fresh);
  await until(() => fresh.hasUpdated && fresh.shadowRoot?.querySelector('[part="card"]'), 'a fresh copy');
  await fresh.updateComplete;
  const text = visibleText(fresh);
  fresh.remove();
  return text;
}

const renderedAfresh = (page: PrerenderedPage) =>
  page.warnings.filter(([text]) => String(text).includes('does not match this page')).length;

describe('a snippet whose attributes or properties the page changed before the script ran', () => {
  it('another lang: rendered afresh in Welsh, not left in the English of its HTML', async () => {
    const page = await openPrerendered('principle-cards', 'en');
    page.element.setAttribute('lang', 'cy');
    await page.runScript();
    expect(renderedAfresh(page), 'one warning').to.equal(1);
    expect(page.root.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('cy');
    expect(visibleText(page.element)).to.match(/Egwyddor 1 o 7/);
    expect(visibleText(page.element)).to.equal(await freshText(page.element));
  });

  it('a heading given as a property before the upgrade: rendered afresh with it', async () => {
    const builtIn = (await (await fetch(`${CDN}feed/built-in.json`)).json()) as object;
    const page = await openPrerendered('principle-cards', 'en', {
      feed: builtIn,
      attributes: { heading: 'The seven principles' },
    });
    expect(page.root.querySelector('[part="heading"]')?.textContent?.trim()).to.equal('The seven principles');
    (page.element as BaseElement & { heading: string }).heading = 'Our principles';
    await page.runScript();
    expect(renderedAfresh(page), 'one warning').to.equal(1);
    expect(page.root.querySelector('[part="heading"]')?.textContent?.trim()).to.equal('Our principles');
  });

  it('another src: rendered from that feed, never from the copy of the feed it was rendered from', async () => {
    const page = await openPrerendered('principle-cards', 'en');
    const gate = uniqueName('other-feed-gate');
    const other = await mock(uniqueName('other-feed'), {
      body: {
        version: 1,
        principles: [{ id: 'own', number: 1, title: 'A principle of our own', summary: 'Its summary.' }],
      },
      holdUntil: gate,
    });
    page.element.setAttribute('src', other);
    await page.runScript();
    expect(renderedAfresh(page), 'one warning').to.equal(1);
    expect(visibleText(page.element), 'the other feed is awaited').to.not.match(/Agreeing direction/);
    await mock(gate, {});
    await until(() => visibleText(page.element).includes('A principle of our own'), 'the other feed shown');
  });

  it('attributes the widget does not read (id, class, style, data-) and a page script’s own property: hydrated in place', async () => {
    const page = await openPrerendered('principle-cards', 'en');
    const before = elementsIn(page.root);
    Object.assign(page.element, { id: 'principles', className: 'partner-widget', jQuery3710: { events: {} } });
    page.element.setAttribute('style', 'margin-block: 1rem');
    page.element.setAttribute('data-tracking', 'principles');
    await page.runScript();
    expect(renderedAfresh(page), 'no warning').to.equal(0);
    expect(keptElements(before, page.root), 'same nodes').to.equal(true);
  });
});

it('resource list: a link to the page’s own site, marked as another website in the HTML (which knows no page), hydrates in place and loses the mark', async () => {
  const ownSite = `${location.origin}/guides/ours.html`;
  const resources = [
    { id: 'ours', title: 'Our own guide', url: ownSite, type: 'guide', published: '2026-01-02', languages: ['en'] },
    {
      id: 'theirs',
      title: 'Another guide',
      url: 'https://example.org/theirs',
      type: 'guide',
      published: '2026-01-01',
      languages: ['en'],
    },
  ];
  const page = await openPrerendered('resource-list', 'en', { feed: { version: 1, resources } });
  const titleOf = (text: string) =>
    [...page.root.querySelectorAll<HTMLElement>('[part="title"]')].find((title) => title.textContent!.includes(text))!;
  expect(visibleText(titleOf('Our own guide')), 'prerendered: marked').to.contain('(another website)');
  const theirs = titleOf('Another guide').querySelector('a');
  await page.runScript();
  expect(page.warnings.map(String), 'hydrated, not rendered afresh').to.deep.equal([]);
  expect(titleOf('Another guide').querySelector('a') === theirs, 'the same link').to.equal(true);
  expect(visibleText(titleOf('Another guide'))).to.contain('(another website)');
  expect(visibleText(titleOf('Our own guide')), 'the page’s own site').to.not.contain('(another website)');
});

describe('how the page loads a snippet', () => {
  const WIDGETS = ['principle-cards', 'resource-list', 'film-player', 'contact-form'];

  it('four snippets with the all-in-one script instead of their own: each hydrated in place', async () => {
    const page = await openPrerenderedWidgets(WIDGETS, 'en');
    page.releaseFeed();
    const before = page.elements.map((element) => elementsIn(element.shadowRoot!));
    const frameWindow = page.frame.contentWindow as Window & typeof globalThis;
    const script = frameWindow.document.createElement('script');
    script.type = 'module';
    script.src = `${CDN}compassionate-leadership.js`;
    frameWindow.document.head.append(script);
    await Promise.all(WIDGETS.map((widget) => frameWindow.customElements.whenDefined(`cl-${widget}`)));
    for (const element of page.elements) {
      await until(() => element.hasUpdated, `${element.localName} updated`);
      await element.updateComplete;
    }
    const kept = page.elements.map((element, index) => keptElements(before[index]!, element.shadowRoot!));
    expect(kept, 'the same nodes in each').to.deep.equal([true, true, true, true]);
    expect(page.warnings.map(String), 'none rendered afresh').to.deep.equal([]);
  });

  for (const widget of WIDGETS) {
    it(`${widget}: a snippet a page script inserts with innerHTML (no shadow root from it) is rendered by the widget, once`, async () => {
      const snippet = await snippetFor(widget, 'en');
      const frame = document.createElement('iframe');
      const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
      frame.srcdoc =
        '<!doctype html><html lang="en"><head><title>A partner’s page</title></head><body><main></main></body></html>';
      document.body.append(frame);
      await loaded;
      const frameDocument = frame.contentDocument!;
      frameDocument.querySelector('main')!.innerHTML = snippet;
      const element = frameDocument.querySelector<BaseElement>(`cl-${widget}`)!;
      expect(element.shadowRoot === null, 'innerHTML attaches no declarative shadow root').to.equal(true);
      expect(visibleText(frameDocument.body), 'the template and the copy are not shown').to.equal('');
      const script = frameDocument.createElement('script');
      script.type = 'module';
      script.src = `${CDN}${widget}.js`;
      frameDocument.head.append(script);
      await until(
        () =>
          element.shadowRoot?.querySelector('[part="base"]') && !element.shadowRoot.querySelector('[aria-busy="true"]'),
        'the widget rendered',
      );
      expect(element.shadowRoot!.querySelectorAll('[part="base"]').length, 'once').to.equal(1);
      expect(visibleText(frameDocument.body), 'only what the widget renders').to.equal(visibleText(element));
      expect(visibleText(element).length, 'its content').to.be.greaterThan(40);
    });
  }
});

it('a prerendered widget announces its feed once: the server’s answer, the same as its copy, changes nothing', async () => {
  const resource = { id: 'r1', title: 'A guide', url: 'https://example.org/guide', type: 'guide', languages: ['en'] };
  // The feed has a section this page does not show, so the copy the snippet carries is only part of it.
  const film = { id: 'f1', title: 'A film', url: 'https://example.org/film' };
  const page = await openPrerendered('resource-list', 'en', {
    feed: { version: 1, resources: [resource], films: [film] },
  });
  const loads: unknown[] = [];
  page.element.addEventListener('cl-feed-load', (event) => loads.push((event as CustomEvent).detail));
  const item = page.root.querySelector('[part="item"]');
  await page.runScript();
  const key = `${STORAGE_PREFIX}feed:${page.element.getAttribute('src')}`;
  await until(() => page.frame.contentWindow!.localStorage.getItem(key), 'the server’s answer, read and saved');
  expect(loads.length, 'one cl-feed-load').to.equal(1);
  expect(page.root.querySelector('[part="item"]') === item, 'the same item').to.equal(true);
});

it('two prerendered widgets on one feed, each with its own script, one after the other: both hydrate in place', async () => {
  const widgets = ['principle-cards', 'resource-list'];
  const page = await openPrerenderedWidgets(widgets, 'en');
  const before = page.elements.map((element) => [...element.shadowRoot!.querySelectorAll('*')]);
  expect(before[1]!.filter((node) => node.matches('[part="item"]')).length, 'resources prerendered').to.be.greaterThan(
    0,
  );
  const unchanged = (when: string) => {
    page.elements.forEach((element, index) => {
      const after = [...element.shadowRoot!.querySelectorAll('*')];
      const kept = after.filter((node, at) => node === before[index]![at]).length;
      expect([after.length, kept], `${widgets[index]}, ${when}: the same nodes`).to.deep.equal([
        before[index]!.length,
        before[index]!.length,
      ]);
    });
    expect(page.warnings.map(([text]) => String(text)).filter((text) => text.includes('prerendered'))).to.deep.equal(
      [],
    );
  };
  for (const widget of widgets) await page.runScript(widget);
  unchanged('before the server answered');
  page.releaseFeed();
  await until(
    () => page.frame.contentWindow!.performance.getEntriesByName(`${CDN}feed/built-in.json`).length > 0,
    'the answer',
  );
  for (const element of page.elements) await element.updateComplete;
  unchanged('after it');
});

it('the cards and a long list prerendered on one feed, the cards’ script first: the list is paged as the whole list', async () => {
  const builtIn = (await (await fetch(`${CDN}feed/built-in.json`)).json()) as Record<string, unknown>;
  const count = FIRST_RESOURCES + 50;
  const feed = { ...generatedFeed(count), principles: builtIn['principles'], behaviours: builtIn['behaviours'] };
  const page = await openPrerenderedWidgets(['principle-cards', 'resource-list'], 'en', { own: { feed } });
  const list = page.elements[1]!;
  const ids = () => parts(list, 'item').map((item) => item.dataset['id']);
  const nodes = [...list.shadowRoot!.querySelectorAll('*')];
  await page.runScript('principle-cards');
  // The list's script runs while the server's answer is on its way: its copy (cut to its first part) is read.
  await page.runScript('resource-list');
  const now = [...list.shadowRoot!.querySelectorAll('*')];
  expect(now.length === nodes.length && now.every((node, at) => node === nodes[at]), 'hydrated in place').to.equal(
    true,
  );
  const newest = Array.from({ length: 10 }, (_, i) => `r-${count - i}`);
  expect(ids()).to.deep.equal(newest);
  // The last page of the whole list: beyond the part the copy holds, so it is taken once the rest is read.
  const last = String(count / 10);
  parts(list, 'page-button')
    .find((button) => button.textContent!.trim().endsWith(last))!
    .click();
  await list.updateComplete;
  expect(ids(), 'no page of the part taken for the last').to.deep.equal(newest);
  page.releaseFeed();
  await until(() => ids()[0] === 'r-10', 'the last page, with the server’s answer');
  expect(ids()).to.deep.equal(Array.from({ length: 10 }, (_, i) => `r-${10 - i}`));
  expect(page.warnings.filter(([text]) => String(text).includes('prerendered')).length, 'no fresh render').to.equal(0);
});

describe('a prerendered widget beside a plain one on the same feed', () => {
  /** The prerendered cards hydrated, then a resource list made by script, from its own entry. */
  async function withPlainList(options?: { feedFails: boolean }) {
    const page = await openPrerenderedWidgets(['principle-cards'], 'en', options);
    const cards = page.elements[0]!;
    const cardNodes = [...cards.shadowRoot!.querySelectorAll('*')];
    await page.runScript('principle-cards');
    const list = page.frame.contentDocument!.createElement('cl-resource-list') as BaseElement;
    const loads: unknown[] = [];
    list.addEventListener('cl-feed-load', (event) => loads.push((event as CustomEvent).detail));
    page.frame.contentDocument!.querySelector('main')!.append(list);
    await page.loadEntry('resource-list');
    await until(() => list.hasUpdated, 'the list rendered');
    const cardsKept = () => {
      const now = [...cards.shadowRoot!.querySelectorAll('*')];
      return now.length === cardNodes.length && now.every((node, index) => node === cardNodes[index]);
    };
    return { page, list, loads, cardsKept };
  }

  it('the plain list waits for the server (its sections are not in the cards’ copy), then shows its items', async () => {
    const { page, list, loads, cardsKept } = await withPlainList();
    expect(list.shadowRoot!.querySelector('[aria-busy="true"]') !== null, 'loading, not an empty list').to.equal(true);
    expect(parts(list, 'item').length).to.equal(0);
    expect(loads.length, 'no load announced yet').to.equal(0);
    page.releaseFeed();
    await until(() => parts(list, 'item').length > 0, 'the items, with the server’s answer');
    expect(loads.length, 'one load').to.equal(1);
    expect(cardsKept(), 'the cards untouched').to.equal(true);
  });

  it('when the server cannot be reached, the prerendered cards stay as they are and the list says so', async () => {
    const { list, cardsKept } = await withPlainList({ feedFails: true });
    await until(() => list.shadowRoot!.querySelector('[part="error"]'), 'the list’s error');
    expect(cardsKept(), 'the cards untouched, no error').to.equal(true);
  });
});

describe('a prerendered long list (more resources than its first part)', () => {
  const COUNT = FIRST_RESOURCES + 50;
  const ids = (root: ShadowRoot) =>
    [...root.querySelectorAll<HTMLElement>('[part~="item"]')].map((item) => item.dataset['id']);
  const countText = (root: ShadowRoot) => root.querySelector('[part="count"]')?.textContent?.trim();
  /** The feed copy the snippet carries. */
  const copyOf = (page: PrerenderedPage) =>
    JSON.parse(page.element.querySelector(`:scope > script[${FEED_COPY_ATTRIBUTE}]`)!.textContent!) as {
      resources: unknown[];
    } & CutCopy;
  /** The mock the snippet's `src` names, to answer otherwise. */
  const feedMock = (page: PrerenderedPage) => page.element.getAttribute('src')!.split('/').pop()!;

  it('carries only its first part in the snippet; a page beyond it comes from the feed once hydrated', async () => {
    const page = await openPrerendered('resource-list', 'en', { feed: generatedFeed(COUNT) });
    const copy = copyOf(page);
    expect(copy.resources.length, 'the first part').to.equal(FIRST_RESOURCES);
    expect(copy.wholeLengths).to.deep.equal({ resources: COUNT });
    expect(countText(page.root), 'counted whole, before any script').to.equal(`${COUNT} resources`);
    const gate = uniqueName('long-copy-checked');
    await mock(feedMock(page), { body: generatedFeed(COUNT), holdUntil: gate });
    await page.runScript();
    // The copy is checked with the server once the page is idle, after a list held whole would have been read whole.
    await untilRequested(`/__test__/mock/${feedMock(page)}`, 0, 'the check of the copy');
    expect(countText(page.root), 'still counted whole: the copy holds no more').to.equal(`${COUNT} resources`);
    await mock(gate, { body: {} });
    const pages = parts(page.element, 'page-button') as HTMLButtonElement[];
    pages.find((button) => button.textContent!.trim().endsWith(String(COUNT / 10)))!.click();
    // The oldest ten, none of them in the snippet's copy.
    await until(() => ids(page.root)[0] === 'r-10', 'the last page, from the feed');
    expect(ids(page.root)).to.deep.equal(Array.from({ length: 10 }, (_, i) => `r-${10 - i}`));
    expect(countText(page.root)).to.equal(`${COUNT} resources`);
  });

  it('that starts filtered carries the whole list, and shows its filtered first page with scripting off', async () => {
    const feed = generatedFeed(COUNT);
    const guides = feed.resources.filter((resource) => resource.type === 'guide').length;
    const page = await openPrerendered(
      'resource-list',
      'en',
      { feed, attributes: { type: 'guide' } },
      { scripting: false },
    );
    const copy = copyOf(page);
    // Its first part (the newest of every type) could not make this view: cut, the HTML would be a loading state.
    expect([copy.resources.length, copy.wholeLengths]).to.deep.equal([COUNT, undefined]);
    expect(page.root.querySelector('[class~="cl-skeleton"]') === null, 'no loading state').to.equal(true);
    expect(countText(page.root)).to.equal(`${guides} resources`);
    expect(ids(page.root).length).to.equal(10);
  });

  it('when the feed cannot be fetched, keeps its first page and says it is a copy; trying again brings the rest', async () => {
    const page = await openPrerendered('resource-list', 'en', { feed: generatedFeed(COUNT) });
    await mock(feedMock(page), { status: 503 });
    const first = page.root.querySelector('[part~="item"]');
    await page.runScript();
    await until(() => page.root.querySelector('[part="stale"]'), 'the notice that the list is a copy');
    await until(() => countText(page.root) === `${FIRST_RESOURCES} resources`, 'the copy read as the list');
    expect(page.root.querySelector('[part~="item"]') === first, 'the first item kept').to.equal(true);
    await mock(feedMock(page), { body: generatedFeed(COUNT) });
    page.root.querySelector<HTMLButtonElement>('[part="stale"] button')!.click();
    await until(
      () => countText(page.root) === `${COUNT} resources` && !page.root.querySelector('[part="stale"]'),
      'the whole list, with the server’s answer',
    );
    expect(page.root.querySelector('[part~="item"]') === first, 'still the first item').to.equal(true);
  });
});
