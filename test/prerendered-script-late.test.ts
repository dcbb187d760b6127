/**
 * Prerendered HTML whose script never comes (a CDN the partner's network blocks, a failed request, a snippet pasted
 * without its script tag): once `--cl-script-timeout` has passed it shows what it shows with JavaScript turned off,
 * but for what has focus and the contact form, which keep what a person typed in view. A script that comes later
 * takes the widget back, hydrated in place; one that comes in time leaves nothing to see.
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { expectFrameAccessible, until, visibleText } from './harness.js';
import {
  closePages,
  contactFeed,
  openPrerendered,
  seen,
  shown,
  type HostPage,
  type OwnFeed,
} from './prerendered-page.js';

afterEach(closePages);

const WIDGETS = ['principle-cards', 'film-player', 'resource-list', 'contact-form'] as const;
type Widget = (typeof WIDGETS)[number];

/** The partner's page sets a short wait, so the tests need not sit through the default 8 s. */
const shortWait = (widget: Widget): { host: HostPage } => ({
  host: { css: `cl-${widget} { --cl-script-timeout: 0.2s }` },
});

/** The built-in feed; the contact form's own, with an endpoint, so that it has a form that sends. */
const feedOf = (widget: Widget): OwnFeed | undefined => (widget === 'contact-form' ? contactFeed() : undefined);

describe('prerendered HTML whose script never comes', () => {
  for (const widget of WIDGETS) {
    for (const lang of ['en', 'cy'] as const) {
      const kept = widget === 'contact-form' ? ', and its form' : '';
      it(`${widget} (${lang}): after the wait, what it shows with JavaScript turned off${kept}; axe passes`, async () => {
        const off = await openPrerendered(widget, lang, feedOf(widget), { scripting: false });
        // The contact form shows its form too: a person may have typed in it.
        const form = widget === 'contact-form' ? '[part="form"]' : undefined;
        const withoutScripts = seen(off.root, form);
        const page = await openPrerendered(widget, lang, feedOf(widget), shortWait(widget));
        expect(seen(page.root, form), 'its own view first').to.not.deep.equal(withoutScripts);

        await until(
          () => JSON.stringify(seen(page.root, form)) === JSON.stringify(withoutScripts),
          'the view without scripts',
        );
        if (form) expect(shown(page.root.querySelector('#message')), 'the form kept').to.equal(true);
        await expectFrameAccessible(page.frame.contentWindow!);
      });
    }
  }

  for (const lang of ['en', 'cy'] as const) {
    it(`contact form (${lang}): says the script has not loaded and gives the other ways; what was typed stays in view`, async () => {
      const page = await openPrerendered('contact-form', lang, contactFeed(), shortWait('contact-form'));
      const message = page.root.querySelector<HTMLTextAreaElement>('#message')!;
      message.focus();
      await sendKeys({ type: 'A question about supervision' });
      message.blur();

      const notice = page.root.querySelector('[part="no-script"]')!;
      await until(() => shown(notice), 'the other ways');
      const text = visibleText(notice);
      expect(text).to.match(lang === 'en' ? /has not loaded/ : /heb lwytho/);
      expect(text).to.include('0300 3033 444');
      expect(shown(message)).to.equal(true);
      expect(message.value).to.equal('A question about supervision');
    });
  }

  it('resource list: the search box stays with its words while it has focus, and goes once it has not', async () => {
    const page = await openPrerendered('resource-list', 'en', undefined, shortWait('resource-list'));
    const search = page.root.querySelector<HTMLInputElement>('#query')!;
    search.focus();
    await sendKeys({ type: 'myths' });

    await until(() => !shown(page.root.querySelector('[part="pagination"]')), 'the pages gone');
    expect(shown(search), 'the focused search box').to.equal(true);
    expect(search.value).to.equal('myths');

    search.blur();
    await until(() => !shown(search), 'the search box gone');
  });

  it('a script that comes after the wait takes the widget back, hydrated in place', async () => {
    const page = await openPrerendered('principle-cards', 'en', undefined, shortWait('principle-cards'));
    const own = seen(page.root);
    const toggle = page.root.querySelector('[part="practice-toggle"]');
    await until(() => !shown(toggle) && shown(page.root.querySelector('[part="practice-panel"]')), 'the late view');

    await page.runScript();

    expect(page.warnings, 'hydrated in place').to.deep.equal([]);
    expect(page.root.querySelector('[part="practice-toggle"]'), 'the same button').to.equal(toggle);
    expect(seen(page.root)).to.deep.equal(own);
  });

  for (const widget of WIDGETS) {
    it(`${widget}: a script that comes after the wait lays it out as before the wait, every box where it was`, async () => {
      const page = await openPrerendered(widget, 'en', feedOf(widget), shortWait(widget));
      const boxes = () =>
        [...page.root.querySelectorAll('*')].map((node) => JSON.stringify(node.getBoundingClientRect()));
      const own = boxes();
      await until(() => JSON.stringify(boxes()) !== JSON.stringify(own), 'the late view');

      await page.runScript();

      expect(
        page.warnings.filter(([text]) => String(text).includes('prerendered')),
        'hydrated in place',
      ).to.deep.equal([]);
      expect(boxes()).to.deep.equal(own);
    });
  }

  it('waits 8 s unless the page says otherwise; a script that comes in time changes nothing a reader sees', async () => {
    const page = await openPrerendered('film-player', 'en');
    const base = page.root.querySelector('.cl-root')!;
    const wait = base
      .getAnimations()
      .find((animation) => (animation as CSSAnimation).animationName === 'cl-script-late');
    expect(wait?.effect?.getTiming().delay).to.equal(8000);
    const own = seen(page.root);

    await page.runScript();

    expect(base.getAnimations(), 'the wait ends with the script').to.deep.equal([]);
    expect(seen(page.root)).to.deep.equal(own);
  });
});
