import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { findLangTag, resolveLanguage, toLanguage } from '../src/i18n/language.js';
import { pick, langIf } from '../src/i18n/local-text.js';
import { formatCount, plural, type PluralForms } from '../src/i18n/strings.js';
import { contactFormStrings } from '../src/components/contact-form/contact-form.strings.js';
import { senderStrings } from '../src/components/contact-form/contact-form.lazy.strings.js';
import { filmPlayerStrings } from '../src/components/film-player/film-player.strings.js';
import { principleCardsStrings } from '../src/components/principle-cards/principle-cards.strings.js';
import { resourceListStrings } from '../src/components/resource-list/resource-list.strings.js';
import { previewStrings } from '../src/embed/preview.strings.js';
import { expectAccessible, holdResponses, mock, settled, uniqueName, until } from './harness.js';
import type { TestFeedWidget } from './fixtures/test-feed-widget.js';
import './fixtures/test-feed-widget.js';

describe('language resolution', () => {
  it('reads cy and cy-GB (any case) as Welsh and everything else as English', () => {
    expect(['cy', 'cy-GB', 'CY-gb', ' cy '].map(toLanguage)).to.deep.equal(['cy', 'cy', 'cy', 'cy']);
    expect(['en', 'en-GB', 'cym', 'fr', '', null, undefined].map(toLanguage)).to.deep.equal(Array(7).fill('en'));
  });

  it('takes the element’s own lang, else the nearest ancestor’s across shadow roots, else the document’s', async () => {
    const el = await fixture(
      html`<div lang="cy">
        <section><span id="own" lang="en"></span><span id="inherits"></span></section>
      </div>`,
    );
    expect(resolveLanguage(el.querySelector('#own')!)).to.equal('en');
    expect(resolveLanguage(el.querySelector('#inherits')!)).to.equal('cy');
    const host = el.querySelector('#inherits')!;
    const inner = document.createElement('b');
    host.attachShadow({ mode: 'open' }).append(inner);
    expect(findLangTag(inner)).to.equal('cy');
    const loose = await fixture(html`<p></p>`);
    expect(resolveLanguage(loose)).to.equal(toLanguage(document.documentElement.lang));
  });

  it('picks each Welsh plural form, zero, one, two, few, many and other, by its count', () => {
    const forms = {
      zero: 'zero {n}',
      one: 'one {n}',
      two: 'two {n}',
      few: 'few {n}',
      many: 'many {n}',
      other: 'other {n}',
    };
    expect([0, 1, 2, 3, 6, 7, 1000].map((n) => plural(forms, n, 'cy'))).to.deep.equal([
      'zero 0',
      'one 1',
      'two 2',
      'few 3',
      'many 6',
      'other 7',
      'other 1,000',
    ]);
    expect([0, 1, 2].map((n) => plural(forms, n, 'en'))).to.deep.equal(['other 0', 'one 1', 'other 2']);
    expect(plural({ other: 'other {n}' }, 2, 'cy')).to.equal('other 2');
  });

  it('picks the form Intl.PluralRules would, in English and in Welsh, without loading it', () => {
    const forms = { zero: 'zero', one: 'one', two: 'two', few: 'few', many: 'many', other: 'other' };
    const counts = [...Array.from({ length: 130 }, (_, n) => n), 1000, 1001, 1_000_000];
    for (const language of ['en', 'cy'] as const) {
      const rules = new Intl.PluralRules(language);
      expect(
        counts.map((n) => plural(forms, n, language)),
        language,
      ).to.deep.equal(counts.map((n) => rules.select(n)));
    }
  });

  it('writes whole numbers as Intl.NumberFormat does in English and in Welsh, without loading it', () => {
    const counts = [0, 7, 42, 999, 1000, 5000, 12_345, 1_000_000, 987_654_321, -1500];
    for (const language of ['en', 'cy'] as const) {
      expect(counts.map(formatCount), language).to.deep.equal(
        counts.map((n) => new Intl.NumberFormat(language).format(n)),
      );
    }
  });

  it('falls back to the other language for feed text and says which language it is in', () => {
    expect(pick({ en: 'Agreeing direction' }, 'cy')).to.deep.equal({ text: 'Agreeing direction', lang: 'en' });
    expect(pick({ en: 'A', cy: 'B' }, 'cy')).to.deep.equal({ text: 'B', lang: 'cy' });
    expect(pick('Plain', 'cy')).to.deep.equal({ text: 'Plain', lang: 'en' });
    expect(langIf(pick('Plain', 'cy'), 'cy')).to.equal('en');
    expect(langIf(pick('Plain', 'en'), 'en')).to.equal(undefined);
  });
});

/**
 * Sets `lang` and resolves once a mutation observer made after the library's
 * has seen it: observers are notified in the order they were made, so the
 * widgets have re-resolved their language by then.
 */
function setLangObserved(target: Element, lang: string): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      observer.disconnect();
      resolve();
    });
    observer.observe(target, { attributes: true, attributeFilter: ['lang'] });
    target.setAttribute('lang', lang);
  });
}

describe('a feed widget’s shared states', () => {
  it('shows one busy status with a hidden skeleton while loading, then the content', async () => {
    const url = await mock(uniqueName('states-slow'), { body: { version: 1 } });
    const held = holdResponses(url);
    try {
      const el = await fixture<TestFeedWidget>(html`<test-feed-widget src=${url}></test-feed-widget>`);
      // The page holds the feed's answer back: the widget is loading for as long as the test needs.
      await until(() => held.held() === 1, 'the feed request, held');
      const busy = el.shadowRoot!.querySelectorAll('[aria-busy="true"]');
      expect(busy).to.have.length(1);
      expect(busy[0]!.getAttribute('role')).to.equal('status');
      expect(busy[0]!.querySelector('.cl-skeleton')!.closest('[aria-hidden="true"]')).to.not.equal(null);
      expect(el.shadowRoot!.querySelector('.count')).to.equal(null);
      await expectAccessible(el);
      held.release();
      await settled(el);
      expect(el.shadowRoot!.querySelector('.count')!.textContent).to.equal('0 principles');
    } finally {
      held.restore();
    }
  });

  it('shows an error in the widget’s language with a retry that works, and the partner’s own content', async () => {
    const name = uniqueName('states-error');
    const url = await mock(name, { status: 500 }, { body: { version: 1 } });
    const el = await fixture<TestFeedWidget>(
      html`<test-feed-widget src=${url} lang="cy"
        ><a href="https://example.org/">Gweld y cynnwys</a></test-feed-widget
      >`,
    );
    await settled(el);
    const panel = el.shadowRoot!.querySelector('[part="error"]')!;
    expect(panel.textContent).to.include('Nid oedd modd llwytho’r cynnwys hwn').and.include('500');
    expect(el.shadowRoot!.querySelector('slot')!.assignedElements()[0]!.textContent).to.equal('Gweld y cynnwys');
    await expectAccessible(el);
    panel.querySelector('button')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.shadowRoot!.querySelector('.count'), 'the retried feed');
  });

  it('re-renders in Welsh when an ancestor’s lang changes, and switches with its language switch', async () => {
    const url = await mock(uniqueName('states-lang'), { status: 404 });
    const wrapper = await fixture(
      html`<div lang="en"><test-feed-widget src=${url} language-switch></test-feed-widget></div>`,
    );
    const el = wrapper.querySelector('test-feed-widget')!;
    await settled(el);
    expect(el.language).to.equal('en');
    wrapper.setAttribute('lang', 'cy');
    await until(() => el.language === 'cy', 'Welsh');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.include('Nid oedd modd');
    const toggle = el.shadowRoot!.querySelector<HTMLButtonElement>('[part="language-switch"]')!;
    expect(toggle.textContent!.trim()).to.equal('English');
    expect(toggle.getAttribute('lang')).to.equal('en');
    await expectAccessible(el);
    toggle.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.include('could not be loaded');
    expect(el.shadowRoot!.querySelector('[part="base"]')!.getAttribute('lang')).to.equal('en');
  });

  it('keeps the reader’s switch in its own state: the host’s lang attribute is never written', async () => {
    const url = await mock(uniqueName('switch-own-lang'), { status: 404 });
    const el = await fixture<TestFeedWidget>(
      html`<test-feed-widget src=${url} lang="cy" language-switch></test-feed-widget>`,
    );
    await settled(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="language-switch"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(el.language).to.equal('en');
    expect(el.getAttribute('lang')).to.equal('cy');
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.include('could not be loaded');
    await expectAccessible(el);
  });

  it('follows the page again when the page’s language changes after a switch', async () => {
    const url = await mock(uniqueName('switch-follow'), { status: 404 });
    const wrapper = await fixture(
      html`<div lang="en"><test-feed-widget src=${url} language-switch></test-feed-widget></div>`,
    );
    const el = wrapper.querySelector('test-feed-widget')!;
    await settled(el);
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="language-switch"]')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.language === 'cy', 'the reader’s Welsh');
    // The page says Welsh too: the choice now matches the page and is let go.
    await setLangObserved(wrapper, 'cy');
    expect(el.language).to.equal('cy');
    wrapper.setAttribute('lang', 'en');
    await until(() => el.language === 'en', 'the page’s English again');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.include('could not be loaded');
    expect(el.hasAttribute('lang')).to.equal(false);
  });

  it('sees a lang change inside a partner’s shadow root', async () => {
    const url = await mock(uniqueName('shadow-lang'), { status: 404 });
    const partner = await fixture(html`<div></div>`);
    const section = document.createElement('section');
    section.lang = 'en';
    const el = document.createElement('test-feed-widget');
    el.src = url;
    section.append(el);
    partner.attachShadow({ mode: 'open' }).append(section);
    await settled(el);
    expect(el.language).to.equal('en');
    section.lang = 'cy';
    await until(() => el.language === 'cy', 'Welsh from the shadow root');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part="error"]')!.textContent).to.include('Nid oedd modd');
  });
});

/** One count per Welsh plural category: zero, one, two, few, many, other. */
const WELSH_COUNTS = [0, 1, 2, 3, 6, 7];

describe('every counted string in Welsh', () => {
  it('has one count for each Welsh plural category', () => {
    const rules = new Intl.PluralRules('cy');
    expect(WELSH_COUNTS.map((n) => rules.select(n))).to.deep.equal(['zero', 'one', 'two', 'few', 'many', 'other']);
  });

  // Welsh keeps the noun singular after a numeral; where a string has fewer forms, `other` serves the rest.
  const problemsLeftOut = 'gadewir y rhannau hynny allan, dangosir y gweddill.';
  const expected: [string, PluralForms, string[]][] = [
    [
      'contact form: characters remaining',
      contactFormStrings.remaining.cy,
      WELSH_COUNTS.map((n) => `Mae gennych ${n} nod ar ôl`),
    ],
    [
      'contact form: characters too many',
      contactFormStrings.over.cy,
      WELSH_COUNTS.map((n) => `Mae gennych ${n} nod yn ormod`),
    ],
    ['contact form: seconds', senderStrings.seconds.cy, WELSH_COUNTS.map((n) => `${n} eiliad`)],
    ['contact form: minutes', senderStrings.minutes.cy, WELSH_COUNTS.map((n) => `${n} munud`)],
    [
      'principle cards: behaviours',
      principleCardsStrings.behaviours.cy,
      [
        'Dim ymddygiadau craidd',
        'Yr ymddygiad craidd',
        'Y 2 ymddygiad craidd',
        'Y 3 ymddygiad craidd',
        'Y 6 ymddygiad craidd',
        'Y 7 ymddygiad craidd',
      ],
    ],
    [
      'resource list: count',
      resourceListStrings.count.cy,
      ['Dim adnoddau', '1 adnodd', '2 adnodd', '3 adnodd', '6 adnodd', '7 o adnoddau'],
    ],
    ['film player: films', filmPlayerStrings.films.cy, WELSH_COUNTS.map((n) => `${n} ffilm`)],
    [
      'feed preview: problems',
      previewStrings.problemCount.cy,
      [
        '0 problem.',
        '1 broblem: gadewir y rhan honno allan, dangosir y gweddill.',
        `2 broblem: ${problemsLeftOut}`,
        `3 problem: ${problemsLeftOut}`,
        `6 problem: ${problemsLeftOut}`,
        `7 problem: ${problemsLeftOut}`,
      ],
    ],
  ];
  for (const [name, forms, texts] of expected) {
    it(`renders ${name} for 0, 1, 2, 3, 6 and 7`, () => {
      expect(WELSH_COUNTS.map((n) => plural(forms, n, 'cy'))).to.deep.equal(texts);
    });
  }
});
