import { expect } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../src/components/principle-cards/define.js';
import type { ClPrincipleCards, PrincipleToggleDetail } from '../src/components/principle-cards/principle-cards.js';
import { principleCardsStrings } from '../src/components/principle-cards/principle-cards.strings.js';
import { plural } from '../src/i18n/strings.js';
import { localStore } from '../src/internal/storage.js';
import { expectAccessible, expectNoOverflow, mock, settled, uniqueName, until } from './harness.js';

/*
 * A feed like the real one, with the cases the widget must handle: Welsh
 * names for principles 1-3 only (4-7 fall back to English), a Welsh summary
 * only on principle 1 (test text), practice points on some, links in one or
 * both languages (relative ones resolve against the feed's address).
 */
const PRINCIPLES = [
  {
    id: 'direction',
    number: 1,
    title: {
      en: 'Agreeing direction, alignment and commitment for working together',
      cy: 'cytuno ar gyfeiriad, sicrhau aliniad ac ymrwymiad ar gyfer cydweithio',
    },
    summary: { en: 'Agree goals with the team early.', cy: 'Crynodeb prawf yn Gymraeg.' },
    practice: [{ en: 'Set goals together.' }, 'Give fair feedback.'],
    url: { en: 'https://socialcare.wales/principles', cy: 'https://gofalcymdeithasol.cymru/egwyddorion' },
  },
  {
    id: 'collective',
    number: 2,
    title: {
      en: 'Creating environments where collective leadership thrives',
      cy: 'creu amgylcheddau lle mae arweinyddiaeth ar y cyd yn ffynnu',
    },
    summary: 'Share decisions.',
    practice: ['Anyone may lead.'],
    url: 'pages/collective.html',
  },
  {
    id: 'reflect',
    number: 3,
    title: {
      en: 'Establishing conditions for our workforce to reflect, learn, continually improve and innovate',
      cy: 'sefydlu’r amodau i’n gweithlu adlewyrchu, dysgu, gwella ac arloesi’n barhaus',
    },
    summary: 'Protect time to try new ways.',
  },
  {
    id: 'difficulties',
    number: 4,
    title: 'Managing difficulties openly, courageously and ethically',
    summary: 'Face hard conversations honestly.',
    practice: ['Name the problem.'],
  },
  {
    id: 'teams',
    number: 5,
    title: 'Developing supportive and effective team, and inter-team, working',
    summary: 'Teams that support each other.',
  },
  {
    id: 'equality',
    number: 6,
    title: 'Improving equality, inclusion and diversity, consciously removing barriers',
    summary: 'Remove barriers on purpose.',
  },
  {
    id: 'safety',
    number: 7,
    title: 'Enabling safe, trusting and engaging systems and cultures',
    summary: 'Psychological safety and trust.',
  },
] as const;
const BEHAVIOURS = [
  { id: 'attending', title: 'Attending', summary: 'Being present with people.' },
  { id: 'understanding', title: 'Understanding' },
  { id: 'empathising', title: 'Empathising' },
  { id: 'helping', title: 'Helping' },
];
// Shuffled so the default order is shown to come from the numbers, not the feed's order.
const FEED = {
  version: 1,
  principles: [PRINCIPLES[3], PRINCIPLES[0], ...PRINCIPLES.slice(4), PRINCIPLES[2], PRINCIPLES[1]],
  behaviours: BEHAVIOURS,
};

const mounted: Element[] = [];
afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
});

/** Mounts `markup` (containing one <cl-principle-cards>) and returns the widget. */
function mount(markup: string, width?: string): ClPrincipleCards {
  const container = document.createElement('div');
  if (width) container.style.width = width;
  // Test markup only: the widget itself never renders HTML strings.
  container.innerHTML = markup;
  document.body.append(container);
  mounted.push(container);
  return container.querySelector('cl-principle-cards')!;
}

/**
 * settled() from harness.ts passes before the first render (the shadow root
 * exists, the busy status does not yet), so wait for that render first.
 */
async function loaded(element: ClPrincipleCards): Promise<ClPrincipleCards> {
  await element.updateComplete;
  return settled(element);
}

async function feedUrl(feed: unknown = FEED): Promise<string> {
  return mock(uniqueName('principle-cards'), { body: feed });
}

async function cards(
  attributes = '',
  options: { feed?: unknown; width?: string; inner?: string } = {},
): Promise<ClPrincipleCards> {
  const url = await feedUrl(options.feed);
  return loaded(
    mount(`<cl-principle-cards src="${url}" ${attributes}>${options.inner ?? ''}</cl-principle-cards>`, options.width),
  );
}

const root = (element: ClPrincipleCards): ShadowRoot => element.shadowRoot!;
const all = (element: ClPrincipleCards, selector: string): HTMLElement[] => [
  ...root(element).querySelectorAll<HTMLElement>(selector),
];
const one = (element: ClPrincipleCards, selector: string): HTMLElement =>
  root(element).querySelector<HTMLElement>(selector)!;
const texts = (element: ClPrincipleCards, selector: string): string[] =>
  all(element, selector).map((e) => e.textContent!.replace(/\s+/g, ' ').trim());

describe('<cl-principle-cards>', () => {
  describe('content', () => {
    it('shows every principle by number with its title, summary, practice points and link', async () => {
      const element = await cards();
      expect(texts(element, '[part~="number"]')).to.deep.equal([1, 2, 3, 4, 5, 6, 7].map((n) => `Principle ${n} of 7`));
      expect(texts(element, '[part~="title"]')[0]).to.equal(PRINCIPLES[0].title.en);
      expect(texts(element, '[part~="summary"]')[3]).to.equal('Face hard conversations honestly.');
      const card1 = all(element, '[part~="card"]')[0]!;
      const toggle = card1.querySelector('button')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const panel = root(element).getElementById(toggle.getAttribute('aria-controls')!)!;
      expect(panel.hidden).to.equal(true);
      expect([...panel.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
        'Set goals together.',
        'Give fair feedback.',
      ]);
      expect(card1.querySelector('a')!.href).to.equal('https://socialcare.wales/principles');
      // A relative address means the feed's folder, not the page's.
      expect(all(element, '[part~="card"]')[1]!.querySelector('a')!.href).to.equal(
        `${window.CL_TEST_SERVER}/__test__/mock/pages/collective.html`,
      );
      // No practice points: no button; no address: no link.
      const card3 = all(element, '[part~="card"]')[2]!;
      expect(card3.querySelector('button')).to.equal(null);
      expect(card3.querySelector('a')).to.equal(null);
      await expectAccessible(element);
    });

    it('renders feed text as text, never as HTML', async () => {
      const hostile = {
        version: 1,
        principles: [
          { id: 'x', number: 1, title: '<img src=x onerror="window.hacked=1">Title', summary: '<b>bold</b>' },
        ],
      };
      const element = await cards('', { feed: hostile });
      expect(one(element, '[part~="title"]').textContent).to.equal('<img src=x onerror="window.hacked=1">Title');
      expect(root(element).querySelector('img, b')).to.equal(null);
    });

    it('with no attributes shows the built-in feed as numbered cards', async () => {
      const element = await loaded(mount('<cl-principle-cards></cl-principle-cards>'));
      const cardList = all(element, '[part~="card"]');
      expect(cardList.length).to.be.greaterThan(0);
      for (const card of cardList) {
        expect(card.querySelector('[part~="number"]')!.textContent).to.match(/^Principle \d+ of \d+$/);
        expect(card.querySelector('h3[part~="title"]')!.textContent!.trim()).to.not.equal('');
        expect(card.querySelector('[part~="summary"]')!.textContent!.trim()).to.not.equal('');
      }
      await expectAccessible(element);
    });
  });

  describe('principles attribute', () => {
    it('picks and orders a subset by number or id', async () => {
      const element = await cards('principles="4, direction 7 4"');
      expect(all(element, '[part~="card"]').map((c) => c.dataset.id)).to.deep.equal([
        'difficulties',
        'direction',
        'safety',
      ]);
      expect(texts(element, '[part~="number"]')).to.deep.equal([
        'Principle 4 of 7',
        'Principle 1 of 7',
        'Principle 7 of 7',
      ]);
    });

    it('ignores unknown ones with one warning naming them', async () => {
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      try {
        const element = await cards('principles="2,9,nope"');
        expect(all(element, '[part~="card"]').map((c) => c.dataset.id)).to.deep.equal(['collective']);
        element.lang = 'cy';
        await until(() => one(element, '[part~="number"]').textContent === 'Egwyddor 2 o 7', 'the Welsh re-render');
        expect(warnings.filter((w) => w.includes('cl-principle-cards'))).to.deep.equal([
          '<cl-principle-cards>: ignored, not in the feed: 9,nope',
        ]);
      } finally {
        console.warn = original;
      }
    });

    it('shows a notice and the partner’s own content when nothing matches', async () => {
      const original = console.warn;
      const warnings: unknown[][] = [];
      console.warn = (...args: unknown[]) => void warnings.push(args);
      const element = await cards('principles="99"', {
        inner: '<h2>Our principles</h2><a href="https://example.org/">Read them</a>',
      }).finally(() => {
        console.warn = original;
      });
      expect(warnings).to.have.length(1);
      expect(one(element, '[part~="empty"]').textContent).to.contain('There are no principles to show.');
      const slot = root(element).querySelector<HTMLSlotElement>('slot:not([name])')!;
      expect(slot.assignedElements().map((e) => e.localName)).to.deep.equal(['h2', 'a']);
      await expectAccessible(element);
    });
  });

  describe('heading levels', () => {
    for (const level of [2, 3, 4, 5, 6]) {
      it(`heading-level="${level}" makes titles h${level} under an h${level - 1} section heading`, async () => {
        const element = await cards(`heading-level="${level}" heading="Our principles" behaviours`);
        expect(all(element, `h${level}[part~="title"]`)).to.have.length(7);
        expect(one(element, '[part~="heading"]').localName).to.equal(`h${level - 1}`);
        expect(one(element, '.behaviours-heading').localName).to.equal(`h${level}`);
      });
    }

    it('defaults to h3 with no section heading, and treats an invalid level as the default', async () => {
      const element = await cards('heading-level="9"');
      expect(all(element, 'h3[part~="title"]')).to.have.length(7);
      expect(root(element).querySelector('[part~="heading"]')).to.equal(null);
    });

    it('takes a section heading from the heading slot', async () => {
      const element = await cards('heading="Not used"', { inner: '<h2 slot="heading">Partner heading</h2>' });
      const slot = root(element).querySelector<HTMLSlotElement>('slot[name="heading"]')!;
      expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Partner heading']);
      expect(element.querySelector('h2')!.getBoundingClientRect().height).to.be.greaterThan(0);
    });
  });

  describe('layout', () => {
    /** Columns as laid out: the distinct left edges of the cards. */
    const columns = (element: ClPrincipleCards): number =>
      new Set(all(element, '[part~="card"]').map((card) => Math.round(card.getBoundingClientRect().left))).size;

    it('grid: several columns when wide, one column under about 480 px', async () => {
      const wide = await cards('', { width: '900px' });
      expect(columns(wide)).to.be.greaterThan(1);
      const narrow = await cards('', { width: '470px' });
      expect(columns(narrow)).to.equal(1);
    });

    it('list: one card a row however wide', async () => {
      const element = await cards('layout="list"', { width: '900px' });
      expect(columns(element)).to.equal(1);
    });

    for (const lang of ['en', 'cy']) {
      it(`has no horizontal scroll at 320 px (${lang}, practice open, behaviours shown)`, async () => {
        const element = await cards(`lang="${lang}" behaviours heading="Compassionate leadership principles"`, {
          width: '320px',
        });
        for (const toggle of all(element, '[part~="practice-toggle"]')) toggle.click();
        await element.updateComplete;
        expectNoOverflow(element);
      });
    }
  });

  describe('behaviours', () => {
    it('adds the four behaviours above the cards', async () => {
      const element = await cards('behaviours');
      const section = one(element, '[part~="behaviours"]');
      expect(
        section.compareDocumentPosition(one(element, '[part~="cards"]')) & Node.DOCUMENT_POSITION_FOLLOWING,
      ).to.not.equal(0);
      expect(one(element, '.behaviours-heading').textContent).to.equal('The 4 core behaviours');
      expect(texts(element, '[part~="behaviour"] strong')).to.deep.equal([
        'Attending',
        'Understanding',
        'Empathising',
        'Helping',
      ]);
      await expectAccessible(element);
    });

    it('are not shown without the attribute', async () => {
      const element = await cards();
      expect(root(element).querySelector('[part~="behaviours"]')).to.equal(null);
    });
  });

  describe('Welsh', () => {
    it('shows Welsh where the feed has it and marks English fallback with lang="en"', async () => {
      const element = await cards('lang="cy" behaviours');
      const titles = all(element, '[part~="title"]');
      expect(titles[0]!.textContent).to.equal(PRINCIPLES[0].title.cy);
      expect(titles[0]!.hasAttribute('lang')).to.equal(false);
      expect(titles[3]!.textContent).to.equal(PRINCIPLES[3].title);
      expect(titles[3]!.getAttribute('lang')).to.equal('en');
      const summaries = all(element, '[part~="summary"]');
      expect(summaries[0]!.hasAttribute('lang')).to.equal(false);
      expect(summaries[1]!.getAttribute('lang')).to.equal('en');
      expect(all(element, '[part~="behaviour"] strong').every((b) => b.getAttribute('lang') === 'en')).to.equal(true);
      expect(texts(element, '[part~="number"]')[2]).to.equal('Egwyddor 3 o 7');
      expect(texts(element, '[part~="practice-toggle"]')[0]).to.equal('Sut mae hyn yn edrych yn ymarferol');
      expect(one(element, '.behaviours-heading').textContent).to.equal('Y 4 ymddygiad craidd');
      // The Welsh page where there is one; an English-only page says so.
      const links = all(element, '[part~="link"]') as HTMLAnchorElement[];
      expect(links[0]!.href).to.equal('https://gofalcymdeithasol.cymru/egwyddorion');
      expect(links[0]!.hasAttribute('hreflang')).to.equal(false);
      expect(links[1]!.getAttribute('hreflang')).to.equal('en');
      expect(links[1]!.textContent!.replace(/\s+/g, ' ').trim()).to.equal('Rhagor am yr egwyddor hon (yn Saesneg)');
      await expectAccessible(element);
    });

    it('uses Welsh plural forms', () => {
      const { en, cy } = principleCardsStrings.behaviours;
      expect([0, 1, 2, 3, 6, 7].map((n) => plural(cy, n, 'cy'))).to.deep.equal([
        'Dim ymddygiadau craidd',
        'Yr ymddygiad craidd',
        'Y 2 ymddygiad craidd',
        'Y 3 ymddygiad craidd',
        'Y 6 ymddygiad craidd',
        'Y 7 ymddygiad craidd',
      ]);
      expect([1, 4].map((n) => plural(en, n, 'en'))).to.deep.equal(['The core behaviour', 'The 4 core behaviours']);
    });

    it('re-renders when an ancestor’s lang changes, keeping open cards open', async () => {
      const url = await feedUrl();
      const element = await loaded(
        mount(`<section lang="en"><cl-principle-cards src="${url}"></cl-principle-cards></section>`),
      );
      one(element, '[part~="practice-toggle"]').click();
      await element.updateComplete;
      element.parentElement!.setAttribute('lang', 'cy');
      await until(() => one(element, '[part~="number"]').textContent === 'Egwyddor 1 o 7', 'the Welsh re-render');
      expect(one(element, '[part~="title"]').textContent).to.equal(PRINCIPLES[0].title.cy);
      expect(one(element, '[part~="practice-toggle"]').getAttribute('aria-expanded')).to.equal('true');
      element.parentElement!.setAttribute('lang', 'en-GB');
      await until(() => one(element, '[part~="number"]').textContent === 'Principle 1 of 7', 'the English re-render');
    });
  });

  describe('practice points', () => {
    it('open and close with a click and fire cl-principle-toggle', async () => {
      const element = await cards();
      const events: PrincipleToggleDetail[] = [];
      document.addEventListener('cl-principle-toggle', (e) => events.push(e.detail));
      const toggle = one(element, '[part~="practice-toggle"]');
      const panel = root(element).getElementById(toggle.getAttribute('aria-controls')!)!;
      toggle.click();
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(panel.hidden).to.equal(false);
      expect(panel.getBoundingClientRect().height).to.be.greaterThan(0);
      await expectAccessible(element);
      toggle.click();
      await element.updateComplete;
      expect(panel.hidden).to.equal(true);
      expect(events.slice(-2)).to.deep.equal([
        { id: 'direction', open: true },
        { id: 'direction', open: false },
      ]);
    });

    it('keyboard alone reaches and operates every control, with visible focus', async () => {
      const element = await cards('principles="1,2"', { inner: '' });
      const before = document.createElement('button');
      before.textContent = 'before';
      element.before(before);
      before.focus();
      const active = () => root(element).activeElement as HTMLElement | null;
      const expectFocusVisible = (part: string) => {
        const focused = active()!;
        expect(focused.getAttribute('part')).to.equal(part);
        expect(focused.matches(':focus-visible')).to.equal(true);
        const style = getComputedStyle(focused);
        expect(style.outlineStyle).to.equal('solid');
        expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
      };
      const events: PrincipleToggleDetail[] = [];
      element.addEventListener('cl-principle-toggle', (e) => events.push(e.detail));

      await sendKeys({ press: 'Tab' });
      expectFocusVisible('practice-toggle');
      await sendKeys({ press: 'Enter' });
      await element.updateComplete;
      expect(active()!.getAttribute('aria-expanded')).to.equal('true');
      // ' ' rather than 'Space': Firefox's WebDriver BiDi knows only the character.
      await sendKeys({ press: ' ' });
      await element.updateComplete;
      expect(active()!.getAttribute('aria-expanded')).to.equal('false');
      await sendKeys({ press: 'Tab' });
      expectFocusVisible('link');
      await sendKeys({ press: 'Tab' });
      expectFocusVisible('practice-toggle');
      await sendKeys({ press: 'Tab' });
      expectFocusVisible('link');
      expect(events).to.deep.equal([
        { id: 'direction', open: true },
        { id: 'direction', open: false },
      ]);
    });

    it('print shows every card’s practice points', async () => {
      const element = await cards();
      const panels = all(element, '[part~="practice-panel"]');
      // Firefox over WebDriver BiDi cannot emulate print: there, check the print rule itself.
      const emulated = !navigator.userAgent.includes('Firefox');
      if (emulated) await emulateMedia({ media: 'print' });
      try {
        if (emulated) {
          expect(panels.map((p) => getComputedStyle(p).display)).to.deep.equal(panels.map(() => 'block'));
        } else {
          const rules = element.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
          const print = rules.find((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === 'print')!;
          const panelRule = [...print.cssRules].find(
            (r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText === '.practice-panel[hidden]',
          )!;
          expect(panelRule.style.display).to.equal('block');
        }
      } finally {
        if (emulated) await emulateMedia({ media: 'screen' });
      }
      expect(panels.map((p) => getComputedStyle(p).display)).to.deep.equal(panels.map(() => 'none'));
    });

    it('keeps card boundaries in forced-colors mode', async () => {
      const element = await cards();
      // Neither browser here can emulate forced colours; check the rule the mode applies.
      const rules = element.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);
      const forced = rules.filter(
        (r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === '(forced-colors: active)',
      );
      const card = forced
        .flatMap((m) => [...m.cssRules])
        .find((r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText.includes('.card'))!;
      expect(card.style.borderStyle).to.equal('solid');
      expect(card.style.borderColor).to.equal('canvastext');
      const focus = forced
        .flatMap((m) => [...m.cssRules])
        .find((r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText === ':focus-visible')!;
      expect(focus.style.outlineColor).to.equal('highlight');
    });
  });

  describe('states', () => {
    for (const lang of ['en', 'cy']) {
      it(`loading: one busy status, a hidden skeleton with reserved height (${lang})`, async () => {
        const url = await mock(uniqueName('principle-cards-slow'), { body: FEED, delayMs: 3000 });
        const element = mount(
          `<cl-principle-cards lang="${lang}" src="${url}"><p>Partner text</p></cl-principle-cards>`,
        );
        await element.updateComplete;
        const busy = all(element, '[aria-busy="true"]');
        expect(busy).to.have.length(1);
        expect(busy[0]!.getAttribute('role')).to.equal('status');
        expect(busy[0]!.textContent!.trim()).to.equal(lang === 'cy' ? 'Wrthi’n llwytho…' : 'Loading…');
        const skeleton = busy[0]!.querySelector('[aria-hidden="true"]')!;
        expect(skeleton.querySelectorAll('.skeleton-card')).to.have.length(7);
        expect(element.getBoundingClientRect().height).to.be.greaterThan(200);
        await expectAccessible(element);
      });

      it(`error: says what failed, retries, and shows the partner’s content (${lang})`, async () => {
        const url = await mock(
          uniqueName('principle-cards-error'),
          { status: 503, body: { error: 'down' } },
          { body: FEED },
        );
        const element = await loaded(
          mount(
            `<cl-principle-cards lang="${lang}" src="${url}"><h2>Our principles</h2><a href="https://example.org/">Read them</a></cl-principle-cards>`,
          ),
        );
        const panel = one(element, '[part~="error"]');
        expect(panel.getAttribute('role')).to.equal('alert');
        expect(panel.textContent).to.contain('(503)');
        const slot = root(element).querySelector<HTMLSlotElement>('slot:not([name])')!;
        expect(slot.assignedElements().map((e) => e.localName)).to.deep.equal(['h2', 'a']);
        await expectAccessible(element);
        panel.querySelector('button')!.click();
        await until(() => all(element, '[part~="card"]').length === 7, 'the cards after retry');
        expect(root(element).querySelector('slot:not([name])')).to.equal(null);
      });

      it(`stale: the last good copy under a notice (${lang})`, async () => {
        const url = await mock(uniqueName('principle-cards-stale'), { status: 500 });
        localStore.set(`feed:${url}`, { url, savedAt: Date.UTC(2026, 10, 20, 9, 30), data: FEED });
        const element = await loaded(mount(`<cl-principle-cards lang="${lang}" src="${url}"></cl-principle-cards>`));
        expect(one(element, '[part~="stale"]').textContent).to.contain('2026');
        expect(all(element, '[part~="card"]')).to.have.length(7);
        await expectAccessible(element);
        localStore.remove(`feed:${url}`);
      });
    }
  });
});
