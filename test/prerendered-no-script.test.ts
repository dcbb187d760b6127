/**
 * Prerendered HTML read with JavaScript turned off (a page sandboxed without scripts): the principles, the first page
 * of resources as links, each film as a link, and the contact routes instead of a form that cannot send.
 */
import { expect } from '@open-wc/testing';
import { server, visibleText } from './harness.js';
import {
  CDN,
  closePages,
  contactFeed,
  openPrerendered,
  shown,
  youTubeFeed,
  type OwnFeed,
  type PrerenderedPage,
} from './prerendered-page.js';

afterEach(closePages);

describe('with JavaScript turned off, the prerendered HTML still gives the content', () => {
  async function openWithoutScripts(widget: string, lang: 'en' | 'cy', own?: OwnFeed): Promise<PrerenderedPage> {
    const page = await openPrerendered(widget, lang, own, { scripting: false });
    const frameWindow = page.frame.contentWindow!;
    expect(frameWindow.matchMedia('(scripting: none)').matches, 'the sandboxed page has scripting off').to.equal(true);
    return page;
  }

  interface BuiltIn {
    principles: { title: string | { en: string; cy?: string }; url: { en: string; cy: string } }[];
    resources: { title: string | { en: string } }[];
    films: { title: string | { en: string; cy: string }; url?: string }[];
  }
  const builtIn = async (): Promise<BuiltIn> => (await fetch(`${CDN}feed/built-in.json`)).json() as Promise<BuiltIn>;

  for (const lang of ['en', 'cy'] as const) {
    it(`principle cards (${lang}): every title, summary, practice point and link, and no toggle that cannot work`, async () => {
      const feed = await builtIn();
      const { root } = await openWithoutScripts('principle-cards', lang);
      const titles = [...root.querySelectorAll('[part="title"]')]
        .filter(shown)
        .map((title) => title.textContent!.trim());
      const text = (value: string | { en: string; cy?: string }) =>
        typeof value === 'string' ? value : (value[lang] ?? value.en);
      expect(titles).to.deep.equal(feed.principles.map((principle) => text(principle.title)));
      expect([...root.querySelectorAll('[part="summary"]')].filter(shown).length).to.equal(feed.principles.length);
      const links = [...root.querySelectorAll<HTMLAnchorElement>('a[part="link"]')].filter(shown);
      expect(links.map((link) => link.href)).to.deep.equal(feed.principles.map((principle) => principle.url[lang]));
      const panels = [...root.querySelectorAll('[part="practice-panel"]')];
      expect(panels.length).to.be.greaterThan(0);
      expect(panels.every(shown), 'every practice panel open').to.equal(true);
      expect([...root.querySelectorAll('[part="practice-toggle"]')].some(shown), 'no toggle').to.equal(false);
    });
  }

  it('resource list: the first page of resources as links; no search, filters or pages that cannot work', async () => {
    const { root } = await openWithoutScripts('resource-list', 'en');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('[part="item"] a[href]')].filter(shown);
    expect(links.length).to.equal(10);
    expect(links.every((link) => link.href.startsWith('https://'))).to.equal(true);
    expect(shown(root.querySelector('[part="controls"]'))).to.equal(false);
    expect(shown(root.querySelector('[part="pagination"]'))).to.equal(false);
  });

  it('film player (built-in feed): each film as a link to its page; no play button or film list that cannot work', async () => {
    const feed = await builtIn();
    const { root } = await openWithoutScripts('film-player', 'cy');
    const links = [...root.querySelectorAll<HTMLAnchorElement>('[part="film-links"] a')].filter(shown);
    expect(links.map((link) => link.href)).to.deep.equal(feed.films.map((film) => film.url));
    expect([...root.querySelectorAll('[part="playlist"], [part="play-button"]')].some(shown)).to.equal(false);
  });

  it('film player (a YouTube film without a page): the link goes to YouTube; the play button is not shown', async () => {
    const { root } = await openWithoutScripts('film-player', 'en', youTubeFeed());
    const links = [...root.querySelectorAll<HTMLAnchorElement>('[part="film-links"] a')].filter(shown);
    expect(links.map((link) => [link.textContent, link.href])).to.deep.equal([
      ['A film', 'https://www.youtube.com/watch?v=M7lc1UVf-VE'],
      ['Another film', 'https://socialcare.wales/'],
    ]);
    expect(shown(root.querySelector('[part="play-button"]'))).to.equal(false);
  });

  for (const lang of ['en', 'cy'] as const) {
    it(`contact form (${lang}): says it needs JavaScript and shows the other ways to get in touch, not the form`, async () => {
      const { root } = await openWithoutScripts('contact-form', lang, {
        feed: {
          version: 1,
          contact: {
            phone: '0300 3033 444',
            address: 'Social Care Wales, South Gate House, Wood Street, Cardiff CF10 1EW',
            url: { en: 'https://socialcare.wales/contact-us', cy: 'https://gofalcymdeithasol.cymru/cysylltu-a-ni' },
            endpoint: `${server}/api/contact`,
          },
        },
      });
      expect(shown(root.querySelector('[part="form"]'))).to.equal(false);
      const notice = root.querySelector('[part="no-script"]')!;
      expect(shown(notice)).to.equal(true);
      expect(visibleText(notice)).to.match(lang === 'en' ? /needs JavaScript/ : /angen JavaScript/);
      expect(visibleText(notice)).to.include('South Gate House');
      const hrefs = [...notice.querySelectorAll('a')].map((link) => link.getAttribute('href'));
      expect(hrefs).to.include('tel:03003033444');
      expect(hrefs).to.include(
        lang === 'en' ? 'https://socialcare.wales/contact-us' : 'https://gofalcymdeithasol.cymru/cysylltu-a-ni',
      );
    });
  }

  it('with scripting on, the no-script parts stay hidden, before and after the script runs: nothing twice', async () => {
    for (const widget of ['film-player', 'contact-form'] as const) {
      const page = await openPrerendered(widget, 'en', widget === 'film-player' ? youTubeFeed() : contactFeed());
      const noScript = () => [...page.root.querySelectorAll('.cl-no-script')];
      expect(noScript().length, `${widget} has no-script parts`).to.be.greaterThan(0);
      expect(noScript().some(shown), `${widget} before the script`).to.equal(false);
      await page.runScript();
      expect(noScript().some(shown), `${widget} after the script`).to.equal(false);
      expect(shown(page.root.querySelector('[part="play-button"], [part="form"]'))).to.equal(true);
    }
  });
});
