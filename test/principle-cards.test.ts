import { expect } from '@open-wc/testing';
import { emulateMedia, executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../src/components/principle-cards/define.js';
import type { ClPrincipleCards, PrincipleToggleDetail } from '../src/components/principle-cards/principle-cards.js';
import { principleCardsStrings } from '../src/components/principle-cards/principle-cards.strings.js';
import { plural } from '../src/i18n/strings.js';
import { localStore } from '../src/internal/storage.js';
import {
  expectAccessible,
  expectNoOverflow,
  holdResponses,
  mediaEmulated,
  mock,
  mount,
  part,
  parts,
  server,
  settled,
  tabTo,
  uniqueName,
  unmountAll,
  until,
  visibleText,
} from './harness.js';

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

let feedUrl: string;
before(async () => {
  // One address for the tests that read FEED: the store fetches it once for the page.
  feedUrl = await mock(uniqueName('principle-cards'), { body: FEED });
});

afterEach(() => {
  unmountAll();
});

/** The texts of every `name` part, as a reader sees them. */
const texts = (element: Element, name: string): string[] => parts(element, name).map(visibleText);

/** Every rule of the widget's style sheets, with those inside `@media` flattened. */
const styleRules = (element: ClPrincipleCards): CSSRule[] =>
  element.shadowRoot!.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules]);

describe('<cl-principle-cards>', () => {
  describe('content', () => {
    it('shows every principle by number with its title, summary, practice points and link', async () => {
      const element = await settled(
        await mount<ClPrincipleCards>(`<cl-principle-cards src="${feedUrl}"></cl-principle-cards>`),
      );
      expect(texts(element, 'number')).to.deep.equal([1, 2, 3, 4, 5, 6, 7].map((n) => `Principle ${n} of 7`));
      expect(texts(element, 'title')[0]).to.equal(PRINCIPLES[0].title.en);
      expect(texts(element, 'summary')[3]).to.equal('Face hard conversations honestly.');
      const [card1, card2, card3] = parts(element, 'card');
      const toggle = card1!.querySelector('button')!;
      expect(toggle.getAttribute('aria-expanded')).to.equal('false');
      const panel = element.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!;
      expect(panel.hidden).to.equal(true);
      expect([...panel.querySelectorAll('li')].map((li) => li.textContent)).to.deep.equal([
        'Set goals together.',
        'Give fair feedback.',
      ]);
      expect(card1!.querySelector('a')!.href).to.equal('https://socialcare.wales/principles');
      // A relative address means the feed's folder, not the page's.
      expect(card2!.querySelector('a')!.href).to.equal(`${server}/__test__/mock/pages/collective.html`);
      // No practice points: no button; no address: no link.
      expect(card3!.querySelector('button')).to.equal(null);
      expect(card3!.querySelector('a')).to.equal(null);
      await expectAccessible(element);
    });

    it('renders feed text as text, never as HTML', async () => {
      const hostile = {
        version: 1,
        principles: [
          { id: 'x', number: 1, title: '<img src=x onerror="window.hacked=1">Title', summary: '<b>bold</b>' },
        ],
      };
      const url = await mock(uniqueName('principle-cards-hostile'), { body: hostile });
      const element = await settled(
        await mount<ClPrincipleCards>(`<cl-principle-cards src="${url}"></cl-principle-cards>`),
      );
      expect(part(element, 'title').textContent).to.equal('<img src=x onerror="window.hacked=1">Title');
      expect(part(element, 'summary').textContent).to.equal('<b>bold</b>');
      expect(element.shadowRoot!.querySelector('img, b')).to.equal(null);
    });

    it('with no attributes shows the built-in feed: the seven principles as numbered cards', async () => {
      const element = await settled(await mount<ClPrincipleCards>('<cl-principle-cards></cl-principle-cards>'));
      expect(texts(element, 'number')).to.deep.equal([1, 2, 3, 4, 5, 6, 7].map((n) => `Principle ${n} of 7`));
      expect(parts(element, 'title').map((title) => title.localName)).to.deep.equal(Array(7).fill('h3'));
      expect(texts(element, 'title').filter((text) => text === '')).to.deep.equal([]);
      expect(texts(element, 'summary').filter((text) => text === '')).to.deep.equal([]);
      // Practice points only where the official page's were found: principles 3 to 7 show no button.
      expect(
        parts(element, 'practice-toggle').map((toggle) => toggle.closest<HTMLElement>('[part="card"]')!.dataset.id),
      ).to.deep.equal(['agreeing-direction', 'collective-leadership']);
      await expectAccessible(element);
    });
  });

  describe('principles attribute', () => {
    it('picks and orders a subset by number or id', async () => {
      const element = await settled(
        await mount<ClPrincipleCards>(
          `<cl-principle-cards src="${feedUrl}" principles="4, direction 7 4"></cl-principle-cards>`,
        ),
      );
      expect(parts(element, 'card').map((c) => c.dataset.id)).to.deep.equal(['difficulties', 'direction', 'safety']);
      expect(texts(element, 'number')).to.deep.equal(['Principle 4 of 7', 'Principle 1 of 7', 'Principle 7 of 7']);
    });

    it('ignores unknown ones with one warning naming them', async () => {
      const warnings: string[] = [];
      const original = console.warn;
      console.warn = (...args: unknown[]) => void warnings.push(args.join(' '));
      try {
        const element = await settled(
          await mount<ClPrincipleCards>(
            `<cl-principle-cards src="${feedUrl}" principles="2,9,nope"></cl-principle-cards>`,
          ),
        );
        expect(parts(element, 'card').map((c) => c.dataset.id)).to.deep.equal(['collective']);
        element.lang = 'cy';
        await until(() => part(element, 'number').textContent === 'Egwyddor 2 o 7', 'the Welsh re-render');
        expect(warnings.filter((w) => w.includes('cl-principle-cards'))).to.deep.equal([
          '<cl-principle-cards>: ignored, not in the feed: 9,nope',
        ]);
      } finally {
        console.warn = original;
      }
    });

    for (const [lang, notice] of [
      ['en', 'There are no principles to show.'],
      ['cy', 'Nid oes egwyddorion i’w dangos.'],
    ] as const) {
      it(`shows a notice and the partner’s own content when nothing matches (${lang})`, async () => {
        const original = console.warn;
        const warnings: unknown[][] = [];
        console.warn = (...args: unknown[]) => void warnings.push(args);
        try {
          const element = await settled(
            await mount<ClPrincipleCards>(
              `<cl-principle-cards src="${feedUrl}" principles="99" lang="${lang}"><h2>Our principles</h2><a href="https://example.org/">Read them</a></cl-principle-cards>`,
            ),
          );
          expect(warnings).to.have.length(1);
          expect(visibleText(part(element, 'empty'))).to.equal(notice);
          const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!;
          expect(slot.assignedElements().map((e) => e.localName)).to.deep.equal(['h2', 'a']);
          await expectAccessible(element);
        } finally {
          console.warn = original;
        }
      });
    }
  });

  describe('heading levels', () => {
    for (const level of [2, 3, 4, 5, 6]) {
      it(`heading-level="${level}" makes titles h${level} under an h${level - 1} section heading`, async () => {
        const element = await settled(
          await mount<ClPrincipleCards>(
            `<cl-principle-cards src="${feedUrl}" heading-level="${level}" heading="Our principles" behaviours></cl-principle-cards>`,
          ),
        );
        expect(parts(element, 'title').map((title) => title.localName)).to.deep.equal(Array(7).fill(`h${level}`));
        expect(part(element, 'heading').localName).to.equal(`h${level - 1}`);
        expect(part(element, 'behaviours-heading').localName).to.equal(`h${level}`);
      });
    }

    it('defaults to h3 with no section heading, and treats an invalid level as the default', async () => {
      const element = await settled(
        await mount<ClPrincipleCards>(`<cl-principle-cards src="${feedUrl}" heading-level="9"></cl-principle-cards>`),
      );
      expect(parts(element, 'title').map((title) => title.localName)).to.deep.equal(Array(7).fill('h3'));
      expect(parts(element, 'heading')).to.deep.equal([]);
    });

    it('takes a section heading from the heading slot', async () => {
      const element = await settled(
        await mount<ClPrincipleCards>(
          `<cl-principle-cards src="${feedUrl}" heading="Not used"><h2 slot="heading">Partner heading</h2></cl-principle-cards>`,
        ),
      );
      const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot[name="heading"]')!;
      expect(slot.assignedElements().map((e) => e.textContent)).to.deep.equal(['Partner heading']);
      const partnerHeading = element.querySelector('h2')!.getBoundingClientRect();
      expect(partnerHeading.height).to.be.greaterThan(0);
      expect(partnerHeading.bottom).to.be.at.most(part(element, 'card').getBoundingClientRect().top);
    });
  });

  describe('layout', () => {
    /** Columns as laid out: the distinct left edges of the cards. */
    const columns = (element: ClPrincipleCards): number =>
      new Set(parts(element, 'card').map((card) => Math.round(card.getBoundingClientRect().left))).size;

    it('grid: several columns when wide, one column under about 480 px', async () => {
      const markup = `<cl-principle-cards src="${feedUrl}"></cl-principle-cards>`;
      const wide = await settled(await mount<ClPrincipleCards>(markup, { width: '900px' }));
      expect(columns(wide)).to.be.greaterThan(1);
      const narrow = await settled(await mount<ClPrincipleCards>(markup, { width: '470px' }));
      expect(columns(narrow)).to.equal(1);
    });

    it('list: one card a row however wide', async () => {
      const element = await settled(
        await mount<ClPrincipleCards>(`<cl-principle-cards src="${feedUrl}" layout="list"></cl-principle-cards>`, {
          width: '900px',
        }),
      );
      expect(columns(element)).to.equal(1);
    });

    for (const lang of ['en', 'cy']) {
      it(`has no horizontal scroll at 320 px (${lang}, practice open, behaviours shown)`, async () => {
        const element = await settled(
          await mount<ClPrincipleCards>(
            `<cl-principle-cards src="${feedUrl}" lang="${lang}" behaviours heading="Compassionate leadership principles"></cl-principle-cards>`,
            { width: '320px' },
          ),
        );
        for (const toggle of parts(element, 'practice-toggle')) toggle.click();
        await element.updateComplete;
        expect(parts(element, 'practice-panel').filter((panel) => panel.hidden)).to.deep.equal([]);
        expectNoOverflow(element);
      });
    }
  });

  describe('behaviours', () => {
    it('adds the four behaviours above the cards', async () => {
      const element = await settled(
        await mount<ClPrincipleCards>(`<cl-principle-cards src="${feedUrl}" behaviours></cl-principle-cards>`),
      );
      const section = part(element, 'behaviours');
      expect(section.compareDocumentPosition(part(element, 'cards')) & Node.DOCUMENT_POSITION_FOLLOWING).to.not.equal(
        0,
      );
      expect(visibleText(part(element, 'behaviours-heading'))).to.equal('The 4 core behaviours');
      expect(parts(element, 'behaviour').map((b) => visibleText(b.querySelector('strong')!))).to.deep.equal([
        'Attending',
        'Understanding',
        'Empathising',
        'Helping',
      ]);
      await expectAccessible(element);
    });

    for (const lang of ['en', 'cy']) {
      it(`come before the section heading, which sits directly above the cards (${lang})`, async () => {
        const element = await settled(
          await mount<ClPrincipleCards>(
            `<cl-principle-cards src="${feedUrl}" lang="${lang}" heading="The seven principles" behaviours></cl-principle-cards>`,
          ),
        );
        const shown = element.shadowRoot!.querySelectorAll('[part~="behaviours"], [part~="heading"], [part~="cards"]');
        expect([...shown].map((el) => el.getAttribute('part'))).to.deep.equal(['behaviours', 'heading', 'cards']);
        await expectAccessible(element);
      });
    }

    it('come before a heading given in the heading slot', async () => {
      const element = await settled(
        await mount<ClPrincipleCards>(
          `<cl-principle-cards src="${feedUrl}" behaviours><h2 slot="heading">Partner heading</h2></cl-principle-cards>`,
        ),
      );
      const slot = element.shadowRoot!.querySelector('slot[name="heading"]')!;
      expect(part(element, 'behaviours').nextElementSibling).to.equal(slot);
      expect(slot.nextElementSibling).to.equal(part(element, 'cards'));
    });

    it('are not shown without the attribute', async () => {
      const element = await settled(
        await mount<ClPrincipleCards>(`<cl-principle-cards src="${feedUrl}"></cl-principle-cards>`),
      );
      expect(parts(element, 'behaviours')).to.deep.equal([]);
    });
  });

  describe('Welsh', () => {
    it('shows Welsh where the feed has it and marks English fallback with lang="en"', async () => {
      const element = await settled(
        await mount<ClPrincipleCards>(
          `<cl-principle-cards src="${feedUrl}" lang="cy" behaviours></cl-principle-cards>`,
        ),
      );
      const titles = parts(element, 'title');
      expect(titles[0]!.textContent).to.equal(PRINCIPLES[0].title.cy);
      expect(titles[0]!.hasAttribute('lang')).to.equal(false);
      expect(titles[3]!.textContent).to.equal(PRINCIPLES[3].title);
      expect(titles[3]!.getAttribute('lang')).to.equal('en');
      const summaries = parts(element, 'summary');
      expect(summaries[0]!.hasAttribute('lang')).to.equal(false);
      expect(summaries[1]!.getAttribute('lang')).to.equal('en');
      expect(parts(element, 'behaviour').map((b) => b.querySelector('strong')!.getAttribute('lang'))).to.deep.equal(
        Array(4).fill('en'),
      );
      expect(texts(element, 'number')[2]).to.equal('Egwyddor 3 o 7');
      expect(texts(element, 'practice-toggle')[0]).to.equal('Ffyrdd y gallech chi wneud hyn');
      expect(visibleText(part(element, 'behaviours-heading'))).to.equal('Y 4 ymddygiad craidd');
      // The Welsh page where there is one; an English-only page says so.
      const links = parts(element, 'link') as HTMLAnchorElement[];
      expect(links[0]!.href).to.equal('https://gofalcymdeithasol.cymru/egwyddorion');
      expect(links[0]!.hasAttribute('hreflang')).to.equal(false);
      expect(links[1]!.getAttribute('hreflang')).to.equal('en');
      expect(visibleText(links[1]!)).to.equal('Rhagor am yr egwyddor hon (yn Saesneg)');
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
      const section = await mount<HTMLElement>(
        `<section lang="en"><cl-principle-cards src="${feedUrl}"></cl-principle-cards></section>`,
      );
      const element = await settled(section.querySelector('cl-principle-cards')!);
      part(element, 'practice-toggle').click();
      await element.updateComplete;
      section.setAttribute('lang', 'cy');
      await until(() => part(element, 'number').textContent === 'Egwyddor 1 o 7', 'the Welsh re-render');
      expect(part(element, 'title').textContent).to.equal(PRINCIPLES[0].title.cy);
      expect(part(element, 'practice-toggle').getAttribute('aria-expanded')).to.equal('true');
      section.setAttribute('lang', 'en-GB');
      await until(() => part(element, 'number').textContent === 'Principle 1 of 7', 'the English re-render');
    });
  });

  describe('practice points', () => {
    it('open and close with a click and fire cl-principle-toggle', async () => {
      const element = await settled(
        await mount<ClPrincipleCards>(`<cl-principle-cards src="${feedUrl}"></cl-principle-cards>`),
      );
      const events: PrincipleToggleDetail[] = [];
      element.addEventListener('cl-principle-toggle', (e) => events.push(e.detail));
      const toggle = part(element, 'practice-toggle');
      const panel = element.shadowRoot!.getElementById(toggle.getAttribute('aria-controls')!)!;
      toggle.click();
      await element.updateComplete;
      expect(toggle.getAttribute('aria-expanded')).to.equal('true');
      expect(panel.hidden).to.equal(false);
      expect([...panel.querySelectorAll('li')].map(visibleText)).to.deep.equal([
        'Set goals together.',
        'Give fair feedback.',
      ]);
      await expectAccessible(element);
      toggle.click();
      await element.updateComplete;
      expect(panel.hidden).to.equal(true);
      expect(visibleText(panel)).to.equal('');
      expect(events).to.deep.equal([
        { id: 'direction', open: true },
        { id: 'direction', open: false },
      ]);
    });

    it('keyboard alone reaches and operates every control, with visible focus', async () => {
      const element = await settled(
        await mount<ClPrincipleCards>(`<cl-principle-cards src="${feedUrl}" principles="1,2"></cl-principle-cards>`),
      );
      const before = document.createElement('button');
      before.textContent = 'before';
      element.before(before);
      before.focus();
      const active = () => element.shadowRoot!.activeElement as HTMLElement | null;
      const expectFocusVisible = (name: string) => {
        const focused = active()!;
        expect(focused.getAttribute('part')).to.equal(name);
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

    if (!mediaEmulated) {
      it('print shows every card’s practice points (print cannot be emulated over WebDriver, so this checks the print rule)', async () => {
        const element = await settled(
          await mount<ClPrincipleCards>(`<cl-principle-cards src="${feedUrl}"></cl-principle-cards>`),
        );
        // The rule print shares with scripting off (prerendered HTML read without JavaScript).
        const panelRule = styleRules(element)
          .filter(
            (r): r is CSSMediaRule =>
              r instanceof CSSMediaRule && [...r.media].some((medium) => medium.trim() === 'print'),
          )
          .flatMap((media) => [...media.cssRules])
          .find((r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText === '.practice-panel[hidden]')!;
        expect(panelRule.style.display).to.equal('block');
        const panels = parts(element, 'practice-panel');
        expect(panels.map((p) => getComputedStyle(p).display)).to.deep.equal(panels.map(() => 'none'));
      });
    } else {
      it('print shows every card’s practice points (emulated print)', async () => {
        const element = await settled(
          await mount<ClPrincipleCards>(`<cl-principle-cards src="${feedUrl}"></cl-principle-cards>`),
        );
        const panels = parts(element, 'practice-panel');
        try {
          await emulateMedia({ media: 'print' });
          expect(panels.map((p) => getComputedStyle(p).display)).to.deep.equal(panels.map(() => 'block'));
        } finally {
          await emulateMedia({ media: 'screen' });
        }
        expect(panels.map((p) => getComputedStyle(p).display)).to.deep.equal(panels.map(() => 'none'));
      });
    }

    if (mediaEmulated) {
      it('keeps card boundaries and a visible focus ring in forced-colors mode (emulated)', async () => {
        const element = await settled(
          await mount<ClPrincipleCards>(`<cl-principle-cards src="${feedUrl}"></cl-principle-cards>`),
        );
        const toggle = part(element, 'practice-toggle');
        try {
          await executeServerCommand('forced-colors', { active: true });
          expect(matchMedia('(forced-colors: active)').matches, 'forced colours on').to.equal(true);
          for (const card of parts(element, 'card')) {
            const style = getComputedStyle(card);
            expect([style.borderTopStyle, style.borderTopWidth], 'each card’s border').to.deep.equal(['solid', '1px']);
          }
          await tabTo(toggle);
          const ring = getComputedStyle(toggle);
          expect(ring.outlineStyle, 'the focus ring').to.not.equal('none');
          expect(parseFloat(ring.outlineWidth)).to.be.at.least(2);
        } finally {
          await executeServerCommand('forced-colors', { active: false });
        }
      });
    }

    it('keeps card boundaries and focus in forced-colors mode (its rules, in every browser)', async () => {
      const element = await settled(
        await mount<ClPrincipleCards>(`<cl-principle-cards src="${feedUrl}"></cl-principle-cards>`),
      );
      const forced = styleRules(element)
        .filter((r): r is CSSMediaRule => r instanceof CSSMediaRule && r.conditionText === '(forced-colors: active)')
        .flatMap((m) => [...m.cssRules]);
      const card = forced.find(
        (r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText.includes('.card'),
      )!;
      expect(card.style.borderStyle).to.equal('solid');
      expect(card.style.borderColor).to.equal('canvastext');
      const focus = forced.find(
        (r): r is CSSStyleRule => r instanceof CSSStyleRule && r.selectorText === ':focus-visible',
      )!;
      expect(focus.style.outlineColor).to.equal('highlight');
    });
  });

  describe('states', () => {
    for (const [lang, loading] of [
      ['en', 'Loading…'],
      ['cy', 'Wrthi’n llwytho…'],
    ] as const) {
      it(`loading: one busy status, a hidden skeleton with reserved height (${lang})`, async () => {
        const url = await mock(uniqueName('principle-cards-held'), { body: FEED });
        const hold = holdResponses(url);
        try {
          const element = await mount<ClPrincipleCards>(
            `<cl-principle-cards lang="${lang}" src="${url}"><p>Partner text</p></cl-principle-cards>`,
          );
          await until(() => hold.held() === 1, 'the feed request to be answered and held');
          await element.updateComplete;
          const busy = element.shadowRoot!.querySelectorAll<HTMLElement>('[aria-busy="true"]');
          expect(busy).to.have.length(1);
          expect(busy[0]!.getAttribute('role')).to.equal('status');
          expect(busy[0]!.textContent!.trim()).to.equal(loading);
          const skeleton = busy[0]!.querySelector('[aria-hidden="true"]')!;
          expect(skeleton.querySelectorAll('.skeleton-card')).to.have.length(7);
          expect(element.getBoundingClientRect().height).to.be.greaterThan(200);
          await expectAccessible(element);
          hold.release();
          await settled(element);
          expect(parts(element, 'card')).to.have.length(7);
        } finally {
          hold.restore();
        }
      });

      it(`error: says what failed, retries, and shows the partner’s content (${lang})`, async () => {
        const url = await mock(
          uniqueName('principle-cards-error'),
          { status: 503, body: { error: 'down' } },
          { body: FEED },
        );
        const element = await settled(
          await mount<ClPrincipleCards>(
            `<cl-principle-cards lang="${lang}" src="${url}"><h2>Our principles</h2><a href="https://example.org/">Read them</a></cl-principle-cards>`,
          ),
        );
        const panel = part(element, 'error');
        expect(panel.getAttribute('role')).to.equal('alert');
        expect(visibleText(panel)).to.contain('(503)');
        const slot = element.shadowRoot!.querySelector<HTMLSlotElement>('slot:not([name])')!;
        expect(slot.assignedElements().map((e) => e.localName)).to.deep.equal(['h2', 'a']);
        await expectAccessible(element);
        panel.querySelector('button')!.click();
        await until(() => parts(element, 'card').length === 7, 'the cards after retry');
        expect(element.shadowRoot!.querySelector('slot:not([name])')).to.equal(null);
      });

      it(`stale: the last good copy under a notice (${lang})`, async () => {
        const url = await mock(uniqueName('principle-cards-stale'), { status: 500 });
        localStore.set(`feed:${url}`, { url, savedAt: Date.UTC(2026, 10, 20, 9, 30), data: FEED });
        try {
          const element = await settled(
            await mount<ClPrincipleCards>(`<cl-principle-cards lang="${lang}" src="${url}"></cl-principle-cards>`),
          );
          expect(visibleText(part(element, 'stale'))).to.contain('2026');
          expect(parts(element, 'card')).to.have.length(7);
          await expectAccessible(element);
        } finally {
          localStore.remove(`feed:${url}`);
        }
      });
    }
  });
});
