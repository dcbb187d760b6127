/**
 * The built contact form (dist/cdn) on a CDN that is missing its lazily
 * loaded half: the browser's import() of the chunk fails for real. The
 * person is told, in the form's language, and keeps everything they typed.
 * In a file of its own, so <cl-contact-form> here is the built element.
 */
import { expect, fixture, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { ClContactForm } from '../src/components/contact-form/contact-form.js';
import { contactFormStrings } from '../src/components/contact-form/contact-form.strings.js';
import { sessionStore } from '../src/internal/storage.js';
import { builtEntryWithoutChunk } from './built-entry.js';
import { expectAccessible, mock, requestCount, server, settled, uniqueName, until } from './harness.js';

let missing = '';
let feed = '';
before(async () => {
  const built = await builtEntryWithoutChunk('contact-form.js', 'contact-form.lazy');
  missing = built.missing;
  await import(built.entry);
  feed = await mock(uniqueName('contact-feed'), {
    body: { version: 1, contact: { email: 'hello@example.org', privacy: 'https://socialcare.wales/privacy' } },
  });
});

const TYPED = { name: 'Aled Jones', email: 'aled@example.org', message: 'How do we start?' };

/** Focuses each field and types into it with the keyboard. */
async function type(form: ClContactForm, values: Partial<typeof TYPED>): Promise<void> {
  for (const [id, text] of Object.entries(values)) {
    const field = form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!;
    field.focus();
    await sendKeys({ type: text });
  }
}

const value = (form: ClContactForm, id: string) => form.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!.value;

for (const lang of ['en', 'cy'] as const) {
  describe(`the built <cl-contact-form> whose sending code cannot be loaded (${lang})`, () => {
    it('tells the person, keeps what they typed and sends nothing', async () => {
      const id = uniqueName('form');
      const fault = uniqueName('never-sent');
      const form = await settled(
        (
          await fixture<HTMLDivElement>(
            `<div style="width: 320px"><cl-contact-form id="${id}" src="${feed}" lang="${lang}" endpoint="${server}/api/contact?fault=${fault}"></cl-contact-form></div>`,
          )
        ).firstElementChild as ClContactForm,
      );
      const errors: { status: number; message: string }[] = [];
      form.addEventListener('cl-contact-error', (event) => errors.push(event.detail));
      await type(form, TYPED);
      form.shadowRoot!.querySelector<HTMLButtonElement>('button[type="submit"]')!.focus();
      await sendKeys({ press: 'Enter' });

      const panel = await until(() => form.shadowRoot!.querySelector('[part~="status"]'), 'the failure notice');
      expect(panel.getAttribute('role'), 'announced').to.equal('alert');
      expect(panel.querySelector('p')!.textContent).to.equal(contactFormStrings.failed[lang]);
      expect(errors).to.deep.equal([{ status: 0, message: 'The sending code could not be loaded.' }]);
      expect(await requestCount(new URL(missing).pathname)).to.be.greaterThan(0);
      // The receiver's count of posts for this form's fault name.
      expect(await (await fetch(`${server}/api/contact?fault=${fault}`)).json()).to.deep.equal({
        requests: 0,
        stored: 0,
      });
      // Everything typed is still in the form, in the saved draft and in the email offered instead.
      for (const [field, text] of Object.entries(TYPED)) expect(value(form, field), field).to.equal(text);
      // The draft is saved a moment after each change: wait for the save that follows the last key press.
      const draft = await until(() => {
        const saved = sessionStore.get<{ fields: typeof TYPED }>(`contact-draft:${location.pathname}#${id}`);
        return saved?.fields.message === TYPED.message ? saved : undefined;
      }, 'the saved draft with the message');
      expect(draft.fields).to.include(TYPED);
      const mail = panel.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!;
      expect(new URL(mail.href).searchParams.get('body')).to.contain(TYPED.message);
      await expectAccessible(form);

      // The form still takes typing.
      await type(form, { message: ' Diolch.' });
      expect(value(form, 'message')).to.equal(`${TYPED.message} Diolch.`);
    });
  });
}

// Last in the file: the sending code is served from here on.
describe('the built <cl-contact-form> whose sending code can be fetched again', () => {
  it('sends with the next press everything typed (asking under another address: Firefox keeps a failed module)', async () => {
    const fault = uniqueName('sent-after-failure');
    const form = await settled(
      (
        await fixture<HTMLDivElement>(
          `<div style="width: 320px"><cl-contact-form id="${uniqueName('form')}" src="${feed}" endpoint="${server}/api/contact?fault=${fault}"></cl-contact-form></div>`,
        )
      ).firstElementChild as ClContactForm,
    );
    await type(form, TYPED);
    const send = form.shadowRoot!.querySelector<HTMLButtonElement>('[part="send"]')!;
    send.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => form.shadowRoot!.querySelector('[part~="status"]'), 'the failure notice');

    // The chunk is back, with the chunks it imports that the entry does not (the headings).
    const chunks = `${server}/dist/cdn/chunks/`;
    const serve = async (file: string): Promise<string> => {
      const response = await fetch(chunks + file);
      expect(response.ok, `dist/cdn/chunks/${file}`).to.equal(true);
      const text = await response.text();
      await mock(new URL(file, missing).href.slice(`${server}/__test__/mock/`.length), {
        body: text,
        headers: { 'Content-Type': 'text/javascript; charset=utf-8' },
      });
      return text;
    };
    const chunk = await serve(missing.split('/').pop()!);
    for (const [, file] of chunk.matchAll(/from\s*"\.\/([^"]+\.js)"/g)) await serve(file!);
    const submitted = oneEvent(form, 'cl-contact-submit');
    send.focus();
    await sendKeys({ press: 'Enter' });
    expect((await submitted).detail.payload).to.deep.include(TYPED);
    await until(() => form.shadowRoot!.querySelector('[part~="confirmation"]'), 'the confirmation');
    expect(await (await fetch(`${server}/api/contact?fault=${fault}`)).json()).to.deep.equal({
      requests: 1,
      stored: 1,
    });
  });
});
