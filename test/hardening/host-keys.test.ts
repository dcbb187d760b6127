import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ClElement } from '../../src/internal/cl-element.js';
import { server, until } from '../harness.js';
import { closePages, contactFeed, openPrerendered } from '../prerendered-page.js';
import { FEED_URL, openScriptedPage, operate, settledView } from './widgets.js';

/*
 * Partner pages whose own scripts act on the keys a person presses. Such a script sees a key's target as the widget's
 * element, not the field or button inside it, so unless the widget keeps its keys (src/internal/keys-inside.ts) the
 * page takes them: ASP.NET Web Forms' default button presses the site's search on Enter; a script that keeps Enter
 * from sending the page's form cancels it; a one-key shortcut takes a typed "/". In each, on a page that is one big
 * form around a site search (as Web Forms pages are), a message gets its new line and its "/", Enter checks the form,
 * opens a card's practice points, plays a film and leaves a search as typed; the site's search is never pressed;
 * Escape still reaches the page.
 */
const PAGE_SCRIPTS: Record<string, { script: string; formAttributes?: string }> = {
  'ASP.NET Web Forms’ default button': {
    script: '/test/fixtures/host-scripts/aspnet-default-button.js',
    formAttributes: `onkeypress="return WebForm_FireDefaultButton(event, 'site-search-button')"`,
  },
  'a script that keeps Enter from sending the page': { script: '/test/fixtures/host-scripts/enter-guard.js' },
  'a one-key shortcut, "/" to search the site': { script: '/test/fixtures/host-scripts/slash-shortcut.js' },
};

interface PageRecord {
  /** Presses of the site's search button. */
  searches: number;
  /** The keys that reached the page's document. */
  keysSeen: string[];
}

/** The partner's page around `content`: one form, a site search, and a record of its presses and of the keys it saw. */
const pageAround =
  (formAttributes = '') =>
  (content: string): string =>
    `<script>
  window.searches = 0;
  window.keysSeen = [];
  document.addEventListener('keydown', function (event) { keysSeen.push(event.key); });
</script>
<form id="aspnetForm" action="/" method="post" onsubmit="return false" ${formAttributes}>
  <p><input id="site-search" aria-label="Search the site">
  <input type="submit" id="site-search-button" value="Search" onclick="searches++; return false"></p>
  ${content}
</form>`;

/** Writes two lines, the second with a "/", in the contact form's message; then presses Escape there. */
async function writeMessage(form: ClElement, page: Window & PageRecord): Promise<void> {
  const message = form.shadowRoot!.querySelector<HTMLTextAreaElement>('#message')!;
  message.focus();
  await sendKeys({ type: 'Line one' });
  await sendKeys({ press: 'Enter' });
  await sendKeys({ type: 'and/or two' });
  expect(message.value, 'the message').to.equal('Line one\nand/or two');
  expect(form.shadowRoot!.activeElement, 'focus stays in the message').to.equal(message);
  expect(page.keysSeen, 'keys the page saw while the message was written').to.deep.equal([]);
  await sendKeys({ press: 'Escape' });
  expect(page.keysSeen, 'keys the page saw').to.deep.equal(['Escape']);
}

/** Enter in the name field checks the form: focus moves to its error summary. */
async function enterInName(form: ClElement): Promise<void> {
  form.shadowRoot!.querySelector<HTMLInputElement>('#name')!.focus();
  await sendKeys({ press: 'Enter' });
  await until(
    () => form.shadowRoot!.activeElement?.matches('.error-summary'),
    'focus on the error summary after Enter in the name',
  );
}

describe('the partner’s page acts on the keys a person presses', () => {
  afterEach(() => {
    closePages();
    // A message typed in one test is a draft kept for the tab's life: the next test starts without it.
    sessionStorage.clear();
  });

  for (const [name, { script, formAttributes }] of Object.entries(PAGE_SCRIPTS)) {
    describe(name, () => {
      for (const lang of ['en', 'cy'] as const) {
        it(`(${lang}) a message keeps its new line and "/", and Enter checks the form, opens, plays and searches in the widgets, not the page`, async () => {
          const page = await openScriptedPage(script, lang, FEED_URL, pageAround(formAttributes));
          const record = page.window as unknown as Window & PageRecord;
          for (const el of page.widgets) expect(await settledView(el), el.localName).to.equal('content');
          const form = page.widget('cl-contact-form');

          await writeMessage(form, record);
          await enterInName(form);
          for (const el of page.widgets) await operate(el);
          const list = page.widget('cl-resource-list');
          const search = list.shadowRoot!.querySelector<HTMLInputElement>('[part="search"]')!;
          search.focus();
          await sendKeys({ press: 'Enter' });
          expect(search.value, 'the search after Enter').to.equal('myths');
          expect(list.shadowRoot!.querySelectorAll('[part="item"]').length, 'results after Enter').to.equal(1);
          expect(list.shadowRoot!.activeElement, 'focus after Enter in the search').to.equal(search);

          expect(record.searches, 'presses of the site’s search').to.equal(0);
          expect(page.errors).to.deep.equal([]);
        });
      }

      it('(cy) prerendered: once hydrated, a message keeps its new line and "/", and Enter in the name checks the form', async () => {
        const page = await openPrerendered('contact-form', 'cy', contactFeed(), {
          host: { head: `<script src="${server}${script}"></script>`, wrap: pageAround(formAttributes) },
        });
        await page.runScript();
        const record = page.frame.contentWindow as unknown as Window & PageRecord;
        record.focus();
        const form = page.element as ClElement;
        await writeMessage(form, record);
        await enterInName(form);
        expect(record.searches, 'presses of the site’s search').to.equal(0);
      });
    });
  }
});
