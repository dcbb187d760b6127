import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { builderStrings } from '../../src/embed/builder.strings.js';
import { mountBuilder } from '../../src/embed/builder.js';
import { frameHeight, frameTitle, widgetName, type EmbedData } from '../../src/embed/catalog.js';
import { parseEmbedQuery } from '../../src/embed/options.js';
import { expectAccessible, server, settled, until, visibleText } from '../harness.js';
import type { BaseElement } from '../../src/internal/base-element.js';

const data = (await (await fetch(`${server}/dist/cdn/embed-widgets.json`)).json()) as EmbedData;
const cdnBase = new URL('/dist/cdn/', server);

const mounted: Element[] = [];
afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
  document.documentElement.lang = 'en';
});

function mount(language: 'en' | 'cy' = 'en'): HTMLElement {
  const root = document.createElement('main');
  mounted.push(root);
  document.body.append(root);
  mountBuilder(root, data, { cdnBase, language });
  return root;
}

function previewWidget(root: HTMLElement): BaseElement {
  return root.querySelector<BaseElement>('.builder-preview > *')!;
}

/** The three snippets' text: the script tag, the iframe, and the HTML with script (or the command that renders it). */
function snippets(root: HTMLElement): [string, string, string] {
  const [script, iframe, html] = [...root.querySelectorAll('.builder-snippet code')].map(
    (code) => code.textContent ?? '',
  );
  return [script!, iframe!, html!];
}

/** Focuses the field for `name` (an attribute or a colour) by its label. */
function field(root: HTMLElement, name: string): HTMLInputElement | HTMLSelectElement {
  return root.querySelector<HTMLInputElement | HTMLSelectElement>(`[name="${name}"]`)!;
}

async function choose(select: HTMLSelectElement, value: string): Promise<void> {
  select.focus();
  const index = [...select.options].findIndex((o) => o.value === value);
  // Arrow keys change a focused closed select in both browsers without opening it.
  await sendKeys({ press: 'Home' });
  for (let i = 0; i < index; i++) await sendKeys({ press: 'ArrowDown' });
  await until(() => select.value === value, `${value} to be chosen`);
}

describe('embed builder', () => {
  it('offers every registered widget from the catalogue and previews the first', async () => {
    const root = mount();
    const options = [...root.querySelectorAll<HTMLOptionElement>('#builder-widget option')].map((o) => o.value);
    expect(options).to.deep.equal(data.widgets.map((w) => w.name));
    expect(previewWidget(root).localName).to.equal(data.widgets[0]!.tag);
  });

  it('names each widget for people, in its own language', async () => {
    const names = (root: HTMLElement) =>
      Object.fromEntries(
        [...root.querySelectorAll<HTMLOptionElement>('#builder-widget option')].map((o) => [o.value, o.text]),
      );
    expect(names(mount('en'))).to.deep.equal({
      'principle-cards': 'Principle cards',
      'film-player': 'Film player',
      'resource-list': 'Resource list',
      'contact-form': 'Contact form',
    });
    expect(names(mount('cy'))).to.deep.equal({
      'principle-cards': 'Cardiau egwyddorion',
      'film-player': 'Chwaraewr ffilmiau',
      'resource-list': 'Rhestr adnoddau',
      'contact-form': 'Ffurflen gysylltu',
    });
  });

  it('names a widget the names do not list by its folder name, in either language', () => {
    for (const language of ['en', 'cy'] as const) {
      expect(widgetName('event-calendar', language)).to.equal('event calendar');
      // Neither the table's other entry nor an object's own properties are names.
      expect(widgetName('frameTitle', language)).to.equal('frameTitle');
      expect(widgetName('constructor', language)).to.equal('constructor');
    }
    expect(frameTitle('event-calendar', 'cy')).to.equal('Arweinyddiaeth dosturiol: event calendar');
    expect(frameHeight('event-calendar'), 'its iframe’s height').to.equal(600);
  });

  it('titles the iframe by its widget, in the language of the widget, whatever the builder’s own', async () => {
    for (const ui of ['en', 'cy'] as const) {
      const root = mount(ui);
      await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'film-player');
      await choose(root.querySelector<HTMLSelectElement>('#builder-language')!, 'en');
      expect(snippets(root)[1]).to.contain(' title="Compassionate leadership: film player" lang="en" ');
      expect(snippets(root)[1], 'the film player’s height').to.contain(
        ' style="width: 100%; height: 720px; border: 0"',
      );
      await choose(root.querySelector<HTMLSelectElement>('#builder-language')!, 'cy');
      expect(snippets(root)[1]).to.contain(' title="Arweinyddiaeth dosturiol: chwaraewr ffilmiau" lang="cy" ');
    }
  });

  it('updates the preview and both snippets as options change by keyboard', async () => {
    const root = mount();
    await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'principle-cards');
    await choose(field(root, 'layout') as HTMLSelectElement, 'list');
    field(root, 'principles').focus();
    await sendKeys({ type: '1,4' });
    field(root, 'behaviours').focus();
    await sendKeys({ press: ' ' });
    field(root, '--cl-color-accent').focus();
    await sendKeys({ type: '#8a1538' });
    await choose(root.querySelector<HTMLSelectElement>('#builder-language')!, 'cy');
    const widget = previewWidget(root);
    expect(widget.localName).to.equal('cl-principle-cards');
    expect(widget.getAttribute('layout')).to.equal('list');
    expect(widget.getAttribute('principles')).to.equal('1,4');
    expect(widget.hasAttribute('behaviours')).to.equal(true);
    expect(widget.getAttribute('lang')).to.equal('cy');
    const [script, iframe] = snippets(root);
    expect(script).to.contain(
      `src="${cdnBase.href}compassionate-leadership.js" integrity="${data.integrity['compassionate-leadership.js']}" crossorigin="anonymous"`,
    );
    expect(script).to.contain(
      '<cl-principle-cards lang="cy" principles="1,4" layout="list" behaviours style="--cl-color-accent: #8a1538"></cl-principle-cards>',
    );
    expect(iframe).to.contain('sandbox="allow-scripts allow-same-origin allow-popups allow-popups-to-escape-sandbox"');
    expect(iframe).to.contain('loading="lazy"');
    expect(iframe).to.contain(`src="${cdnBase.href}embed-resize.js" integrity="${data.integrity['embed-resize.js']}"`);
    const src = new URL(/<iframe src="([^"]+)"/.exec(iframe)![1]!.replace(/&amp;/g, '&'));
    const fromIframe = parseEmbedQuery(src.searchParams, data.widgets, src.origin)!;
    expect(fromIframe.widget.name).to.equal('principle-cards');
    expect(fromIframe.language).to.equal('cy');
    expect([...fromIframe.attributes]).to.deep.equal([
      ['principles', '1,4'],
      ['layout', 'list'],
      ['behaviours', ''],
    ]);
    expect([...fromIframe.colors]).to.deep.equal([['--cl-color-accent', '#8a1538']]);
  });

  it('takes the contact form’s privacy notice address, and refuses one that is not http(s)', async () => {
    const root = mount();
    await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'contact-form');
    const privacy = field(root, 'privacy') as HTMLInputElement;
    privacy.focus();
    await sendKeys({ type: 'https://example.org/privacy' });
    await sendKeys({ press: 'Enter' });
    expect(privacy.getAttribute('aria-invalid')).to.equal('false');
    expect(previewWidget(root).getAttribute('privacy')).to.equal('https://example.org/privacy');
    expect(snippets(root)[0]).to.contain('privacy="https://example.org/privacy"');

    privacy.select();
    await sendKeys({ type: 'javascript:alert(1)' });
    await sendKeys({ press: 'Enter' });
    expect(privacy.getAttribute('aria-invalid')).to.equal('true');
    expect(previewWidget(root).getAttribute('privacy') ?? '').to.equal('');
    expect(snippets(root).join('\n')).not.to.contain('javascript');
    await expectAccessible(root);
  });

  it('marks a refused value and leaves it out of the preview and the snippets', async () => {
    const root = mount();
    await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'resource-list');
    const src = field(root, 'src');
    src.focus();
    await sendKeys({ type: 'javascript:alert(1)' });
    // Enter takes the address (and must not submit the form: that would reload the page).
    await sendKeys({ press: 'Enter' });
    expect(src.getAttribute('aria-invalid')).to.equal('true');
    const error = document.getElementById(src.getAttribute('aria-describedby')!.split(' ')[1]!)!;
    expect(error.hidden).to.equal(false);
    expect(previewWidget(root).getAttribute('src') ?? '').to.equal('');
    expect(snippets(root).join('\n')).not.to.contain('javascript');
    await expectAccessible(root);
  });

  it('takes a local layer’s address: the preview widget and both snippets carry `local`', async () => {
    const root = mount();
    await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'resource-list');
    const local = field(root, 'local') as HTMLInputElement;
    expect(local.type).to.equal('url');
    local.focus();
    await sendKeys({ type: '/test/fixtures/feeds/good.json' });
    await sendKeys({ press: 'Enter' });
    const address = `${location.origin}/test/fixtures/feeds/good.json`;
    expect(local.getAttribute('aria-invalid')).to.equal('false');
    expect(previewWidget(root).getAttribute('local')).to.equal(address);
    const [script, iframe] = snippets(root);
    expect(script).to.contain(`<cl-resource-list lang="en" local="${address}"></cl-resource-list>`);
    const src = new URL(/<iframe src="([^"]+)"/.exec(iframe)![1]!.replace(/&amp;/g, '&'));
    expect(src.searchParams.get('local')).to.equal(address);
    // The embed page reads it back on its own origin (here: the page's), as it would on the CDN's.
    const fromIframe = parseEmbedQuery(src.searchParams, data.widgets, location.origin)!;
    expect([...fromIframe.attributes]).to.deep.equal([['local', address]]);
    // Prerendered HTML shows one feed: the third snippet says to merge the layer first.
    expect(snippets(root)[2]).to.equal('npx compassionate-leadership-widgets merge --help');
    expect(visibleText(root)).to.contain(builderStrings.htmlLocalHint.en);
    await settled(previewWidget(root));
    await expectAccessible(root);
  });

  it('refuses a local layer on another host over plain http, as it does `src`', async () => {
    const root = mount();
    await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'principle-cards');
    const local = field(root, 'local') as HTMLInputElement;
    local.focus();
    await sendKeys({ type: 'http://council.example/ours.json' });
    await sendKeys({ press: 'Enter' });
    expect(local.getAttribute('aria-invalid')).to.equal('true');
    expect(previewWidget(root).hasAttribute('local')).to.equal(false);
    expect(snippets(root).join('\n')).not.to.contain('council.example');
    await expectAccessible(root);
  });

  for (const language of ['en', 'cy'] as const) {
    it(`names the local layer field in the builder’s words (${language})`, async () => {
      const root = mount(language);
      const local = field(root, 'local');
      const label = root.querySelector(`label[for="${local.id}"]`)!;
      expect(label.textContent).to.equal(`local: ${builderStrings.localLabel[language]}`);
      const hint = document.getElementById(local.getAttribute('aria-describedby')!.split(' ')[0]!)!;
      expect(hint.textContent).to.equal(builderStrings.localHint[language]);
    });
  }

  it('gives a script snippet that, pasted into a fresh page, shows exactly the preview', async () => {
    const root = mount();
    await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'resource-list');
    await choose(field(root, 'sort') as HTMLSelectElement, 'title');
    field(root, 'page-size').focus();
    await sendKeys({ type: '3' });
    await choose(root.querySelector<HTMLSelectElement>('#builder-language')!, 'cy');
    const preview = await settled(previewWidget(root));
    const [script] = snippets(root);
    const frame = document.createElement('iframe');
    frame.style.cssText = `width: ${preview.getBoundingClientRect().width}px; height: 900px; border: 0`;
    frame.srcdoc = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Fresh page</title></head><body style="margin:0">${script}</body></html>`;
    mounted.push(frame);
    document.body.append(frame);
    const pasted = await until(
      () =>
        frame.contentDocument?.querySelector<BaseElement>(preview.localName)?.shadowRoot &&
        frame.contentDocument.querySelector<BaseElement>(preview.localName),
      'the pasted widget',
    );
    await settled(pasted);
    const attributes = (element: Element) =>
      element
        .getAttributeNames()
        .sort()
        .map((name) => [name, element.getAttribute(name)]);
    expect(attributes(pasted)).to.deep.equal(attributes(preview));
    // Without white space: the built bundle's templates are minified, the preview's (from source) are not.
    expect(visibleText(pasted).replace(/\s/g, '')).to.equal(visibleText(preview).replace(/\s/g, ''));
  });

  for (const language of ['en', 'cy'] as const) {
    it(`is accessible in ${language === 'en' ? 'English' : 'Welsh'} for every widget`, async () => {
      const root = mount(language);
      expect(document.documentElement.lang).to.equal(language);
      expect(root.querySelector('h1')!.textContent).to.equal(builderStrings.title[language]);
      for (const widget of data.widgets) {
        await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, widget.name);
        await settled(previewWidget(root));
        await expectAccessible(root);
      }
    });
  }

  it('gives the prerendered HTML with the widget’s own script: content on the page before any script runs', async () => {
    const root = mount();
    await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'principle-cards');
    await choose(root.querySelector<HTMLSelectElement>('#builder-language')!, 'cy');
    field(root, '--cl-color-accent').focus();
    await sendKeys({ type: '#8a1538' });
    const code = () => snippets(root)[2];
    const snippet = await until(() => (code().includes('<cl-principle-cards') ? code() : ''), 'the HTML snippet');
    // After the element, the chunks the entry imports and Lit's hydration, preloaded with their hashes (preload.json):
    // the widget's own chunk, the core, the headings helper.
    const preload = (
      (await (await fetch(`${cdnBase.href}preload.json`)).json()) as Record<string, { preload: object[] }>
    )['principle-cards']!.preload;
    expect(preload.length, 'widget, core, headings, hydration').to.equal(4);
    const lines = snippet.split('\n');
    expect(lines.slice(1, 1 + preload.length)).to.deep.equal(
      (preload as { href: string; integrity: string }[]).map(
        ({ href, integrity }) =>
          `<link rel="modulepreload" href="${new URL(href, cdnBase).href}" integrity="${integrity}" crossorigin="anonymous">`,
      ),
    );
    expect(lines[0]).to.match(/^<cl-principle-cards style="--cl-color-accent: #8a1538" [^>]*lang="cy"/);
    expect(snippet).to.contain(`src="${cdnBase.href}feed/built-in.json"`);
    expect(snippet).to.contain('<template shadowroot="open" shadowrootmode="open">');
    expect(snippet).to.not.contain('cl-base.invalid');
    expect(snippet.split('\n').at(-1)).to.equal(
      `<script type="module" src="${cdnBase.href}principle-cards.js" integrity="${data.integrity['principle-cards.js']}" crossorigin="anonymous"></script>`,
    );
    // Above it, the CSP source a strict policy needs for the snippet's <style>, as the build computed it.
    const { styleHash } = (await (await fetch(`${cdnBase.href}prerendered/principle-cards.cy.json`)).json()) as {
      styleHash: string;
    };
    const hint = root.querySelectorAll('pre.builder-snippet')[2]!.previousElementSibling!;
    expect(hint.textContent).to.contain(`add ${styleHash} to its style-src`);
    // Pasted into a page that runs no script: the Welsh cards are there.
    const frame = document.createElement('iframe');
    mounted.push(frame);
    frame.sandbox.add('allow-same-origin');
    const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
    frame.srcdoc = `<!doctype html><html lang="cy"><body>${snippet}</body></html>`;
    document.body.append(frame);
    await loaded;
    const cards = frame.contentDocument!.querySelector('cl-principle-cards')!;
    expect(cards.shadowRoot!.querySelectorAll('[part="card"]').length).to.equal(7);
    expect(visibleText(cards)).to.contain('Egwyddor 1 o 7');
  });

  /** `snippet` on a page of its own that runs it; resolves with its window once `tag` has hydrated (a wrong hash stops it). */
  async function pastedAndHydrated(snippet: string, tag: string): Promise<Window> {
    const frame = document.createElement('iframe');
    mounted.push(frame);
    frame.srcdoc = `<!doctype html><html lang="en"><body>${snippet}</body></html>`;
    document.body.append(frame);
    await until(
      () => frame.contentDocument?.querySelector<BaseElement>(tag)?.hasUpdated,
      `the prerendered ${tag} hydrated`,
    );
    return frame.contentWindow!;
  }

  it('the HTML snippet, pasted into a page that runs it, hydrates with the chunks it preloads, each fetched once', async () => {
    const root = mount();
    await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'resource-list');
    const code = () => snippets(root)[2];
    const snippet = await until(() => (code().includes('<cl-resource-list') ? code() : ''), 'the HTML snippet');
    const preloaded = [...snippet.matchAll(/<link rel="modulepreload" href="([^"]+)"/g)].map(([, href]) => href!);
    expect(preloaded.length, 'widget, core and hydration').to.equal(3);
    const frameWindow = await pastedAndHydrated(snippet, 'cl-resource-list');
    const fetched = frameWindow.performance.getEntriesByType('resource').map((entry) => entry.name);
    // Each once, and no other chunk: the entry's imports and the hydration it loads are the preloaded files.
    expect(fetched.filter((name) => name.includes('/chunks/')).sort()).to.deep.equal([...preloaded].sort());
  });

  it('the film player’s HTML snippet loads its facade alone, async, with its hash; pasted into a page, it hydrates', async () => {
    const root = mount();
    await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'film-player');
    const code = () => snippets(root)[2];
    const snippet = await until(() => (code().includes('<cl-film-player') ? code() : ''), 'the HTML snippet');
    expect(snippet).to.not.contain('modulepreload');
    expect(snippet.split('\n').at(-1)).to.equal(
      `<script type="module" async src="${cdnBase.href}film-player.facade.js" integrity="${data.integrity['film-player.facade.js']}" crossorigin="anonymous"></script>`,
    );
    // Its code loaded by the facade (once the page is idle: nothing pressed), with nothing preloaded.
    await pastedAndHydrated(snippet, 'cl-film-player');
  });

  it('points the iframe at the prerendered embed page when only the widget and its language are chosen', async () => {
    const root = mount();
    await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'film-player');
    await choose(root.querySelector<HTMLSelectElement>('#builder-language')!, 'cy');
    expect(snippets(root)[1]).to.contain(`<iframe src="${cdnBase.href}embed-film-player.cy.html"`);
    field(root, 'film').focus();
    await sendKeys({ type: 'x' });
    expect(snippets(root)[1]).to.contain(
      `<iframe src="${cdnBase.href}embed.html?widget=film-player&amp;lang=cy&amp;film=x"`,
    );
  });

  it('with options beyond the built-in feed’s, gives the command that prerenders them', async () => {
    const root = mount();
    await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'principle-cards');
    await choose(field(root, 'layout') as HTMLSelectElement, 'list');
    field(root, 'principles').focus();
    await sendKeys({ type: '1,4' });
    const code = snippets(root)[2];
    expect(code).to.equal(
      `npx compassionate-leadership-widgets render principle-cards --lang en --attr principles=1,4 --attr layout=list --cdn ${cdnBase.href}`,
    );
    expect(visibleText(root)).to.contain(builderStrings.htmlCommandHint.en);
  });

  it('switches its own language by keyboard, keeping the chosen options', async () => {
    const root = mount('en');
    await choose(root.querySelector<HTMLSelectElement>('#builder-widget')!, 'resource-list');
    root.querySelector<HTMLButtonElement>('.builder-language button')!.focus();
    await sendKeys({ press: 'Enter' });
    expect(document.documentElement.lang).to.equal('cy');
    expect(root.querySelector('h1')!.textContent).to.equal(builderStrings.title.cy);
    expect(root.querySelector<HTMLSelectElement>('#builder-widget')!.value).to.equal('resource-list');
    expect(document.activeElement?.textContent?.trim()).to.equal('English');
  });
});
