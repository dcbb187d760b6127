import { expect, fixture, html } from '@open-wc/testing';
import { useBuiltInFeed } from '../src/feed/built-in.js';
import { ClContactForm } from '../src/components/contact-form/contact-form.js';
import { ClFilmPlayer } from '../src/components/film-player/film-player.js';
import { ClPrincipleCards } from '../src/components/principle-cards/principle-cards.js';
import { ClResourceList } from '../src/components/resource-list/resource-list.js';
import { expectAccessible, mock, parts, requestCount, settled, uniqueName } from './harness.js';

interface BuiltIn {
  principles: { title: { en: string } }[];
  films: { id: string; title: string }[];
  resources: { topics?: string[] }[];
}

/*
 * Properties set on an element before its tag is defined (a framework or a
 * partner's script ran first) are honoured, and nothing is fetched on the
 * default `src` first. The "built-in feed" here is a mock, so any request for
 * it is counted.
 */
describe('properties set before the element is defined', () => {
  let builtInName: string;
  let feed: BuiltIn;

  before(async () => {
    feed = (await (await fetch('/feed/built-in.json')).json()) as BuiltIn;
    builtInName = uniqueName('fake-built-in');
    useBuiltInFeed(new URL(await mock(builtInName, { body: { version: 1 } })));
  });

  /** Creates `<tag>` undefined, sets `properties`, connects it, then defines the tag with a subclass of `base`. */
  async function upgradeLate<T extends HTMLElement>(base: CustomElementConstructor, properties: Partial<T>) {
    const tag = `x-late-${uniqueName('el')}`;
    const el = Object.assign(document.createElement(tag), properties) as unknown as T;
    (await fixture(html`<div></div>`)).append(el);
    customElements.define(tag, class extends base {});
    return el;
  }

  it('cl-principle-cards: src and principles', async () => {
    const name = uniqueName('late-cards');
    const src = await mock(name, { body: feed });
    const el = await upgradeLate<ClPrincipleCards>(ClPrincipleCards, { src, principles: '2' });
    await settled(el);
    expect(parts(el, 'card').map((card) => card.textContent!.includes(feed.principles[1]!.title.en))).to.deep.equal([
      true,
    ]);
    expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
    expect(await requestCount(`/__test__/mock/${builtInName}`)).to.equal(0);
    await expectAccessible(el);
  });

  it('cl-film-player: src and film', async () => {
    const name = uniqueName('late-film');
    const src = await mock(name, { body: feed });
    const el = await upgradeLate<ClFilmPlayer>(ClFilmPlayer, { src, film: feed.films[1]!.id });
    await settled(el);
    expect(parts(el, 'title').map((title) => title.textContent)).to.deep.equal([feed.films[1]!.title]);
    expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
    expect(await requestCount(`/__test__/mock/${builtInName}`)).to.equal(0);
  });

  it('cl-resource-list: src and topic', async () => {
    const name = uniqueName('late-list');
    const src = await mock(name, { body: feed });
    const el = await upgradeLate<ClResourceList>(ClResourceList, { src, topic: 'teams' });
    await settled(el);
    const expected = feed.resources.filter((resource) => resource.topics?.includes('teams')).length;
    expect(expected).to.equal(3);
    expect(parts(el, 'item')).to.have.length(expected);
    expect(el.getAttribute('topic')).to.equal('teams');
    expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
    expect(await requestCount(`/__test__/mock/${builtInName}`)).to.equal(0);
  });
});

/* A partner who writes a bare tag keeps a bare tag: no default is written back as an attribute. */
describe('a bare tag stays bare', () => {
  before(async () => {
    useBuiltInFeed(new URL(await mock(uniqueName('bare-built-in'), { body: { version: 1 } })));
  });

  const widgets: [string, CustomElementConstructor][] = [
    ['principle cards', ClPrincipleCards],
    ['film player', ClFilmPlayer],
    ['resource list', ClResourceList],
    ['contact form', ClContactForm],
  ];
  for (const [name, base] of widgets) {
    it(`the ${name}`, async () => {
      const tag = `x-bare-${uniqueName('el')}`;
      customElements.define(tag, class extends base {});
      const el = document.createElement(tag) as HTMLElement & { updateComplete: Promise<boolean> };
      (await fixture(html`<div></div>`)).append(el);
      await settled(el as unknown as Parameters<typeof settled>[0]);
      expect(el.getAttributeNames()).to.deep.equal([]);
    });
  }
});
