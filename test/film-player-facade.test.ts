/**
 * The film player's facade (film-player.facade.js), the script its prerendered HTML loads (the CLI's `render`, the
 * builder's "HTML with script", its embed pages): the play button in the HTML works once that small script has run.
 * A press before the widget's code has come is kept and acted on when it comes; without one, the code comes anyway.
 */
import { expect } from '@open-wc/testing';
import type { BaseElement } from '../src/internal/base-element.js';
import { STORAGE_PREFIX } from '../src/internal/storage.js';
import { until, visibleText } from './harness.js';
import { CDN, closePages, openPrerendered, youTubeFeed, type PrerenderedPage } from './prerendered-page.js';

afterEach(closePages);

/** Adds the facade's script to the page; resolves once it has run (a module script's load event follows its run). */
async function runFacade(frame: HTMLIFrameElement): Promise<void> {
  const script = frame.contentDocument!.createElement('script');
  script.type = 'module';
  script.src = `${CDN}film-player.facade.js`;
  const ran = new Promise((resolve, reject) => {
    script.addEventListener('load', resolve, { once: true });
    script.addEventListener('error', reject, { once: true });
  });
  frame.contentDocument!.head.append(script);
  await ran;
}

const defined = (page: PrerenderedPage): boolean =>
  page.frame.contentWindow!.customElements.get('cl-film-player') !== undefined;

const scriptsFetched = (page: PrerenderedPage): string[] =>
  page.frame
    .contentWindow!.performance.getEntriesByType('resource')
    .map((entry) => entry.name)
    .filter((name) => name.endsWith('.js'));

it('a press before the widget’s code has come is kept: the consent notice follows, focused, and nothing loads from YouTube', async () => {
  const page = await openPrerendered('film-player', 'en', youTubeFeed());
  const { frame, root } = page;
  await runFacade(frame);
  expect(defined(page), 'the widget’s code has not come yet').to.equal(false);
  root.querySelector<HTMLButtonElement>('[part="play-button"]')!.click();
  const notice = await until(() => root.querySelector<HTMLElement>('[part="notice"]'), 'the consent notice');
  await until(() => root.activeElement === notice, 'focus on the notice');
  expect(visibleText(notice)).to.contain('This film is on YouTube');
  expect(root.querySelector('iframe')).to.equal(null);
  // Only the library's own server (the page's scripts, the feed): nothing from YouTube's.
  const elsewhere = frame
    .contentWindow!.performance.getEntriesByType('resource')
    .filter((entry) => new URL(entry.name).origin !== new URL(CDN).origin);
  expect(elsewhere.map((entry) => entry.name)).to.deep.equal([]);
});

it('a press is kept even where the page stops clicks from reaching its document', async () => {
  const page = await openPrerendered('film-player', 'en', youTubeFeed());
  page.frame.contentDocument!.querySelector('main')!.addEventListener('click', (event) => event.stopPropagation());
  await runFacade(page.frame);
  expect(defined(page), 'the widget’s code has not come yet').to.equal(false);
  page.root.querySelector<HTMLButtonElement>('[part="play-button"]')!.click();
  await until(() => page.root.querySelector('[part="notice"]'), 'the consent notice');
});

it('a press before the widget’s code has come, with consent remembered in this browser, plays the film', async () => {
  const key = `${STORAGE_PREFIX}film-consent:youtube`;
  localStorage.setItem(key, 'true');
  try {
    const page = await openPrerendered('film-player', 'en', youTubeFeed());
    await runFacade(page.frame);
    expect(defined(page), 'the widget’s code has not come yet').to.equal(false);
    page.root.querySelector<HTMLButtonElement>('[part="play-button"]')!.click();
    const iframe = await until(() => page.root.querySelector('iframe'), 'the player');
    expect(new URL(iframe.src).hostname).to.equal('www.youtube-nocookie.com');
    expect(page.root.querySelector('[part="notice"]'), 'no consent notice').to.equal(null);
  } finally {
    localStorage.removeItem(key);
  }
});

it('another film chosen in the playlist before the widget’s code has come is the film shown when it comes', async () => {
  const page = await openPrerendered('film-player', 'en', youTubeFeed());
  await runFacade(page.frame);
  expect(defined(page), 'the widget’s code has not come yet').to.equal(false);
  const other = [...page.root.querySelectorAll<HTMLButtonElement>('[part~="playlist-item"]')].find(
    (item) => !item.hasAttribute('aria-current'),
  );
  expect(other, 'a film not shown').to.not.equal(undefined);
  other!.click();
  await until(() => other!.getAttribute('aria-current') === 'true', 'the chosen film current');
  expect(page.root.querySelector('[part~="title"]')!.textContent).to.contain('Another film');
});

it('without a press, the widget’s code comes once the page is idle and hydrates in place: the playlist works', async () => {
  const page = await openPrerendered('film-player', 'en', youTubeFeed());
  const { frame, element, root } = page;
  const before = [...root.querySelectorAll('*')];
  await runFacade(frame);
  await until(() => element.hasUpdated, 'the widget hydrated');
  const after = [...root.querySelectorAll('*')];
  expect(after.length, 'no element added or lost').to.equal(before.length);
  expect(after.filter((node, index) => node === before[index]).length, 'the same nodes').to.equal(before.length);
  const second = root.querySelectorAll<HTMLButtonElement>('[part="playlist-item"]')[1]!;
  second.click();
  await until(() => second.getAttribute('aria-current') === 'true', 'the second film chosen');
  expect(visibleText(root.querySelector('[part="title"]')!)).to.equal('Another film');
  // The facade, then the widget's code (its chunk, as the entry would import it) and what it loads; the player's code
  // only on intent or a press.
  const scripts = scriptsFetched(page);
  expect(
    scripts.filter((name) => /\/chunks\/film-player-[^/.]+\.js$/.test(name)).length,
    'the widget’s code, once',
  ).to.equal(1);
  expect(
    scripts.some((name) => name.includes('film-player.lazy')),
    'no player code yet',
  ).to.equal(false);
});

it('on a page with no prerendered player, it loads the widget at once', async () => {
  const frame = document.createElement('iframe');
  frame.style.cssText = 'width: 800px; height: 900px; border: 0';
  const loaded = new Promise((resolve) => frame.addEventListener('load', resolve, { once: true }));
  frame.srcdoc = `<!doctype html><html lang="cy"><body><cl-film-player src="${CDN}feed/built-in.json"></cl-film-player></body></html>`;
  document.body.append(frame);
  await loaded;
  await runFacade(frame);
  const element = frame.contentDocument!.querySelector<BaseElement>('cl-film-player')!;
  await until(() => element.shadowRoot?.querySelector('[part="title"]'), 'the film, rendered');
  expect(element.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('cy');
});
