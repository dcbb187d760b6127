import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { BaseElement } from '../../src/internal/base-element.js';
import '../../src/index.js';
import type { EmbedData } from '../../src/embed/catalog.js';
import { describeProblems, welshCoverage } from '../../src/embed/feed-report.js';
import { mountPreview } from '../../src/embed/preview.js';
import { validateFeed } from '../../src/feed/validate.js';
import { expectAccessible, mock, server, settled, uniqueName, until, visibleText } from '../harness.js';

const data = (await (await fetch(`${server}/dist/cdn/embed-widgets.json`)).json()) as EmbedData;

/** A small feed with one hidden bad resource (a script address) among good ones, and some text without Welsh. */
const FEED = {
  version: 1,
  topics: [{ id: 'wellbeing', label: { en: 'Wellbeing', cy: 'Llesiant' } }],
  principles: [
    {
      id: 'direction',
      number: 1,
      title: { en: 'Agreeing direction', cy: 'Cytuno ar gyfeiriad' },
      summary: { en: 'Agree goals.', cy: 'Cytuno ar nodau.' },
    },
    {
      id: 'difficulties',
      number: 4,
      title: 'Managing difficulties openly',
      summary: { en: 'Face hard conversations.' },
    },
  ],
  resources: [
    {
      id: 'good-one',
      title: 'Visible resource one',
      url: 'https://example.org/1',
      type: 'article',
      languages: ['en'],
      topics: ['wellbeing'],
    },
    {
      id: 'hidden-bad',
      title: { en: 'Sneaky resource', cy: 'Adnodd slei' },
      url: 'javascript:alert(1)',
      type: 'article',
      languages: ['en'],
    },
    {
      id: 'good-two',
      title: { en: 'Visible resource two', cy: 'Adnodd gweladwy dau' },
      url: 'https://example.org/2',
      type: 'guide',
      languages: ['en', 'cy'],
    },
  ],
};

const mounted: Element[] = [];
afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
  document.documentElement.lang = 'en';
});

function mount(language: 'en' | 'cy' = 'en'): HTMLElement {
  const root = document.createElement('main');
  mounted.push(root);
  document.body.append(root);
  mountPreview(root, data, { language });
  return root;
}

async function paste(root: HTMLElement, text: string): Promise<void> {
  const textarea = root.querySelector('textarea')!;
  textarea.value = text;
  root.querySelector<HTMLButtonElement>('form button')!.focus();
  await sendKeys({ press: 'Enter' });
}

function widgetsShown(root: HTMLElement): BaseElement[] {
  return [...root.querySelectorAll<BaseElement>('.preview-feed > *')];
}

describe('feed report', () => {
  it('places each problem in its section and item, with the item’s title', () => {
    const { problems } = validateFeed(FEED);
    expect(describeProblems(FEED, problems, 'cy')).to.deep.equal([
      {
        section: 'resources',
        index: 1,
        title: { text: 'Adnodd slei', lang: 'cy' },
        field: 'url',
        path: 'resources[1].url',
        message: 'not a safe address (https, http, mailto, tel)',
      },
    ]);
  });

  it('lists what has no Welsh, per section', () => {
    const coverage = welshCoverage(validateFeed(FEED).feed!, 'en');
    expect(coverage.map((s) => [s.section, s.complete, s.items])).to.deep.equal([
      ['topics', 1, 1],
      ['principles', 1, 2],
      // The resource with an unsafe address is kept, unlinked, so it counts (its title has Welsh).
      ['resources', 2, 3],
    ]);
    expect(coverage[1]!.missing).to.deep.equal([
      { title: { text: 'Managing difficulties openly', lang: 'en' }, fields: ['title', 'summary'] },
    ]);
  });

  it('follows practice points in both shapes, and never asks for a Welsh name', () => {
    const feed = validateFeed({
      version: 1,
      principles: [
        {
          id: 'p',
          number: 1,
          title: { en: 'P', cy: 'P' },
          summary: { en: 'S', cy: 'S' },
          practice: [{ text: { en: 'Sourced.', cy: 'Gyda ffynhonnell.' }, source: 'https://example.org/p' }, 'Plain.'],
        },
      ],
      films: [
        {
          id: 'f',
          title: { en: 'F', cy: 'Ff' },
          speakers: [{ name: 'Sue Evans', role: { en: 'Chief Executive', cy: 'Prif Weithredwr' } }],
          transcript: [{ speaker: { en: 'Narrator', cy: 'Adroddwr' }, text: { en: 'Hello.', cy: 'Helo.' } }],
        },
      ],
    }).feed!;
    const coverage = welshCoverage(feed, 'en');
    expect(coverage.map((s) => [s.section, s.complete, s.items])).to.deep.equal([
      ['principles', 0, 1],
      ['films', 1, 1],
    ]);
    expect(coverage[0]!.missing).to.deep.equal([{ title: { text: 'P', lang: 'en' }, fields: ['practice[1].text'] }]);
  });
});

describe('feed preview page', () => {
  it('reports an invalid item in plain words, lists it without its unsafe link and renders the rest, in English and Welsh', async () => {
    const root = mount();
    await paste(root, JSON.stringify(FEED));
    const problems = await until(() => root.querySelector('.preview-problem-list'), 'the problem list');
    expect(problems.textContent).to.contain('Resources, item 2');
    expect(problems.textContent).to.contain('Sneaky resource');
    expect(problems.querySelector('code')!.textContent).to.equal('url');
    expect(root.querySelector('[role="status"]')!.textContent).to.contain('1 problem');
    expect(root.querySelector('.preview-coverage')!.textContent).to.contain('Managing difficulties openly');

    const shown = widgetsShown(root);
    expect(shown.map((w) => w.localName)).to.deep.equal(data.widgets.flatMap((w) => [w.tag, w.tag]));
    expect(shown.map((w) => w.getAttribute('lang'))).to.deep.equal(data.widgets.flatMap(() => ['en', 'cy']));
    const lists = shown.filter((w) => w.localName === 'cl-resource-list');
    // The resource with the unsafe address is listed under its title in each language, but never linked.
    for (const [list, sneaky] of [
      [lists[0]!, 'Sneaky resource'],
      [lists[1]!, 'Adnodd slei'],
    ] as const) {
      await settled(list);
      expect(visibleText(list)).to.contain(sneaky).and.contain('Visible resource one');
      const links = [...list.shadowRoot!.querySelectorAll('a')].map((a) => a.textContent!.trim());
      expect(links.filter((link) => link.includes('Visible resource one'))).to.have.length(1);
      expect(links.filter((link) => link.includes(sneaky))).to.deep.equal([]);
    }
    expect(visibleText(lists[1]!)).to.contain('Adnodd gweladwy dau');
    await expectAccessible(root);
  });

  it('heads each widget’s preview with its name in the page’s language, and its tag', async () => {
    const headings = async (language: 'en' | 'cy') => {
      const root = mount(language);
      await paste(root, JSON.stringify(FEED));
      await until(() => root.querySelector('.preview-widget h3'), 'the widgets’ previews');
      return [...root.querySelectorAll('.preview-widget h3')].map((h3) => h3.textContent);
    };
    expect(await headings('en')).to.deep.equal([
      'Contact form (cl-contact-form)',
      'Film player (cl-film-player)',
      'Principle cards (cl-principle-cards)',
      'Resource list (cl-resource-list)',
    ]);
    expect(await headings('cy')).to.deep.equal([
      'Ffurflen gysylltu (cl-contact-form)',
      'Chwaraewr ffilmiau (cl-film-player)',
      'Cardiau egwyddorion (cl-principle-cards)',
      'Rhestr adnoddau (cl-resource-list)',
    ]);
  });

  it('reads a dropped or chosen file', async () => {
    const root = mount('cy');
    const file = new File(
      [JSON.stringify({ ...FEED, resources: FEED.resources.filter((r) => r.id !== 'hidden-bad') })],
      'feed.json',
      { type: 'application/json' },
    );
    const transfer = new DataTransfer();
    transfer.items.add(file);
    root
      .querySelector<HTMLElement>('.preview-drop')!
      .dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    await until(
      () => root.querySelector('.preview-summary')?.textContent === 'Ni chafwyd hyd i broblemau.',
      'the report',
    );
    for (const widget of widgetsShown(root)) await settled(widget);
    await expectAccessible(root);

    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const bad = new DataTransfer();
    bad.items.add(new File(['{ not json'], 'broken.json'));
    input.files = bad.files;
    input.dispatchEvent(new Event('change'));
    await until(
      () =>
        root
          .querySelector('[role="alert"]')
          ?.textContent?.includes('Nid yw hwn yn JSON dilys, felly nid oes modd ei ddarllen fel ffrwd.'),
      'the not-JSON message',
    );
  });

  it('loads a feed from an address and says why one cannot be read', async () => {
    const root = mount();
    const good = await mock(uniqueName('preview-feed'), { body: FEED });
    const address = root.querySelector<HTMLInputElement>('input[type="url"]')!;
    address.focus();
    await sendKeys({ type: good });
    await sendKeys({ press: 'Enter' });
    await until(
      () => root.querySelector('.preview-problem-list')?.textContent?.includes('Sneaky resource'),
      'the report of the loaded feed',
    );

    const newer = await mock(uniqueName('preview-newer'), { body: { version: 2 } });
    address.value = newer;
    await sendKeys({ press: 'Enter' });
    await until(() => root.querySelector('[role="alert"]')?.textContent?.includes('version'), 'the unreadable message');
    expect(widgetsShown(root)).to.deep.equal([]);
    await expectAccessible(root);
  });

  it('shows where each item’s facts were taken from, and counts the items without a source, in English and Welsh', async () => {
    const [direction, difficulties] = FEED.principles;
    const sourced = {
      ...FEED,
      principles: [
        {
          ...direction,
          source: { en: 'https://example.org/principles', cy: 'https://example.org/egwyddorion' },
          practice: [{ text: { en: 'Ask the team.' }, source: 'https://example.org/principles' }, 'A plain point.'],
        },
        difficulties,
      ],
      resources: [{ ...FEED.resources[0], source: 'https://example.org/1' }, FEED.resources[2]],
    };
    for (const [language, summary, principles, noSource, english, point] of [
      ['en', '3 items without a source.', 'Principles', 'no source', 'English', 'Practice item'],
      ['cy', '3 eitem heb ffynhonnell.', 'Egwyddorion', 'dim ffynhonnell', 'Saesneg', 'Eitem ymarfer'],
    ] as const) {
      const root = mount(language);
      await paste(root, JSON.stringify(sourced));
      const report = await until(() => root.querySelector<HTMLElement>('.preview-sources'), 'the sources report');
      expect(root.querySelector('.preview-sources-summary')!.textContent).to.equal(summary);
      const [principleItems] = [...report.children] as HTMLElement[];
      expect(principleItems!.firstChild!.textContent).to.equal(principles);
      const [first, second] = [...principleItems!.querySelectorAll(':scope > ul > li')] as HTMLElement[];
      expect(
        [...first!.querySelectorAll<HTMLAnchorElement>(':scope > a')].map((a) => [a.getAttribute('hreflang'), a.href]),
      ).to.deep.equal([
        ['en', 'https://example.org/principles'],
        ['cy', 'https://example.org/egwyddorion'],
      ]);
      expect(first!.textContent).to.contain(`${english}: https://example.org/principles`);
      expect([...first!.querySelectorAll('ul > li')].map((li) => li.textContent)).to.deep.equal([
        `${point} 1: https://example.org/principles`,
        `${point} 2: ${noSource}`,
      ]);
      expect(second!.textContent).to.equal(`Managing difficulties openly: ${noSource}`);
      for (const widget of widgetsShown(root)) await settled(widget);
      await expectAccessible(root);
      root.remove();
    }
  });

  it('offers its other language', async () => {
    const root = mount('cy');
    expect(document.documentElement.lang).to.equal('cy');
    const link = root.querySelector<HTMLAnchorElement>('.preview-language a')!;
    expect(link.lang).to.equal('en');
    expect(new URL(link.href).searchParams.get('lang')).to.equal('en');
    await expectAccessible(root);
  });
});

describe('feed preview: a local layer', () => {
  const national = { ...FEED, resources: FEED.resources.filter((r) => r.id !== 'hidden-bad') };
  const layer = {
    version: 1,
    source: { name: { en: 'Cwm Derwen Council', cy: 'Cyngor Cwm Derwen' } },
    hide: ['good-one', 'no-such-item'],
    resources: [
      {
        id: 'good-two',
        title: { en: 'Our copy of resource two', cy: 'Ein copi o adnodd dau' },
        url: 'https://council.example/two',
        type: 'guide',
        languages: ['en', 'cy'],
      },
      {
        id: 'council-service',
        title: { en: 'Our wellbeing service', cy: 'Ein gwasanaeth llesiant' },
        url: 'https://council.example/wellbeing',
        type: 'website',
        languages: ['en', 'cy'],
      },
      { id: 'a-poem', title: 'A poem', url: 'https://council.example/poem', type: 'poem', languages: ['en'] },
    ],
  };

  function mountWithNational(language: 'en' | 'cy', nationalFeed: string): HTMLElement {
    const root = document.createElement('main');
    mounted.push(root);
    document.body.append(root);
    mountPreview(root, data, { language, nationalFeed });
    return root;
  }

  async function checkLayer(root: HTMLElement, text: string, nationalAddress?: string): Promise<void> {
    const form = root.querySelector<HTMLFormElement>('form.preview-local')!;
    form.querySelector('textarea')!.value = text;
    if (nationalAddress !== undefined)
      form.querySelector<HTMLInputElement>('input[type="url"]')!.value = nationalAddress;
    form.querySelector<HTMLButtonElement>('button')!.focus();
    await sendKeys({ press: 'Enter' });
  }

  const lines = (root: HTMLElement) =>
    [...root.querySelectorAll('.preview-layer-effects > li')].map((li) => li.textContent);

  it('says what the layer replaces, hides and adds, lists its problems and shows the merged widgets (English)', async () => {
    const root = mountWithNational('en', 'https://unused.example/feed.json');
    const address = await mock(uniqueName('preview-national'), { body: national });
    await checkLayer(root, JSON.stringify(layer), address);
    const summary = await until(() => root.querySelector('.preview-layer-summary'), 'the layer report');
    expect(summary.textContent).to.equal('National items replaced: 1. Hidden: 1. Local items added: 1.');
    expect(lines(root)).to.deep.equal([
      'Resources: replaces the national item “good-two”.',
      'hide: “no-such-item” matches no national item.',
    ]);
    expect(root.querySelector('.preview-problem-list')!.textContent).to.contain('Resources, item 3 A poem');
    expect(root.querySelector('.preview-status')!.textContent).to.equal(
      '1 problem: that part is left out, the rest is shown. National items replaced: 1. Hidden: 1. Local items added: 1.',
    );
    expect(root.querySelector('#preview-widgets')!.textContent).to.equal('The widgets with both feeds');
    const [english, welsh] = widgetsShown(root).filter((w) => w.localName === 'cl-resource-list');
    await settled(english!);
    await settled(welsh!);
    // Each title, without the link's "opens another website" mark after it.
    const titles = (list: BaseElement) =>
      [...list.shadowRoot!.querySelectorAll('[part~="title"]')].map((title) =>
        title.textContent!.split('↗')[0]!.trim(),
      );
    // Replaced in place, the hidden one gone, the local one added after the national ones.
    expect(titles(english!)).to.deep.equal(['Our copy of resource two', 'Our wellbeing service']);
    expect(titles(welsh!)).to.deep.equal(['Ein copi o adnodd dau', 'Ein gwasanaeth llesiant']);
    await expectAccessible(root);
  });

  it('checks against the national feed it was given, in Welsh, and reports a hide the layer overrides', async () => {
    const address = await mock(uniqueName('preview-national'), { body: national });
    const root = mountWithNational('cy', address);
    const form = root.querySelector<HTMLFormElement>('form.preview-local')!;
    expect(form.querySelector('h2')!.textContent).to.equal('Gwirio haen leol');
    expect(form.querySelector<HTMLInputElement>('input[type="url"]')!.value).to.equal(address);
    await checkLayer(root, JSON.stringify({ ...layer, hide: ['good-two'], resources: layer.resources.slice(0, 2) }));
    const summary = await until(() => root.querySelector('.preview-layer-summary'), 'the layer report');
    expect(summary.textContent).to.equal(
      'Eitemau cenedlaethol wedi’u disodli: 1. Wedi’u cuddio: 0. Eitemau lleol wedi’u hychwanegu: 1.',
    );
    expect(lines(root)).to.deep.equal([
      'Adnoddau: yn disodli’r eitem genedlaethol “good-two”.',
      'hide: nid yw “good-two” yn cael effaith: mae’r haen yn disodli’r eitem honno.',
    ]);
    expect(root.querySelector('.preview-summary')!.textContent).to.equal('Ni chafwyd hyd i broblemau.');
    for (const widget of widgetsShown(root)) await settled(widget);
    await expectAccessible(root);
  });

  it('says when the national feed cannot be loaded or read, and when the layer is not JSON', async () => {
    const root = mountWithNational('en', 'https://unused.example/feed.json');
    const missing = await mock(uniqueName('preview-national'), { status: 404, body: 'gone' });
    await checkLayer(root, JSON.stringify(layer), missing);
    const alert = await until(() => root.querySelector('.preview-results [role="alert"]'), 'the failure');
    expect(alert.textContent).to.match(/^The national feed could not be loaded: ./);
    expect(widgetsShown(root)).to.deep.equal([]);
    await expectAccessible(root);

    const newer = await mock(uniqueName('preview-national'), { body: { version: 2 } });
    await checkLayer(root, JSON.stringify(layer), newer);
    await until(
      () =>
        root
          .querySelector('.preview-results [role="alert"]')
          ?.textContent?.startsWith('The national feed cannot be read:'),
      'the unreadable national feed',
    );

    await checkLayer(root, '{ not json');
    await until(
      () =>
        root.querySelector('.preview-results [role="alert"]')?.textContent ===
        'This is not valid JSON, so it cannot be read as a feed.',
      'the not-JSON message',
    );
  });
});
