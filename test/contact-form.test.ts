import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../src/components/contact-form/define.js';
import type { ClContactForm, ContactSubmitDetail } from '../src/components/contact-form/contact-form.js';
import { senderStrings } from '../src/components/contact-form/contact-form.lazy.strings.js';
import { sessionStore } from '../src/internal/storage.js';
import {
  expectAccessible,
  expectNoOverflow,
  mock,
  requestCount,
  server,
  settled,
  uniqueName,
  until,
  visibleText,
} from './harness.js';

const CONTACT = {
  email: 'hello@example.org',
  phone: '0300 3033 444',
  address: {
    en: 'South Gate House, Wood Street, Cardiff CF10 1EW',
    cy: 'Tŷ South Gate, Stryd Wood, Caerdydd CF10 1EW',
  },
  url: { en: 'https://socialcare.wales/contact', cy: 'https://gofalcymdeithasol.cymru/cysylltu' },
  privacy: 'https://socialcare.wales/privacy',
  topics: [
    { id: 'principles', label: { en: 'The principles', cy: 'Yr egwyddorion' } },
    { id: 'films', label: { en: 'The films' } },
  ],
};

let feedWithoutEndpoint: string;
before(async () => {
  feedWithoutEndpoint = await mock(uniqueName('contact-feed'), { body: { version: 1, contact: CONTACT } });
});

interface FormOptions {
  endpoint?: string;
  lang?: 'en' | 'cy';
  consent?: boolean;
  id?: string;
  src?: string;
}

/** An endpoint on the real receiver, with test-only faults keyed by `fault`. */
function endpoint(fault: string, query = ''): string {
  return `${server}/api/contact?fault=${fault}${query}`;
}

async function seen(fault: string): Promise<{ requests: number; stored: number }> {
  return (await fetch(`${server}/api/contact?fault=${fault}`)).json();
}

async function makeForm(options: FormOptions = {}): Promise<ClContactForm> {
  const form = await fixture<ClContactForm>(
    html`<div style="width: 320px">
      <cl-contact-form
        id=${options.id ?? uniqueName('form')}
        src=${options.src ?? feedWithoutEndpoint}
        endpoint=${options.endpoint ?? ''}
        lang=${options.lang ?? 'en'}
        ?consent=${options.consent ?? false}
      ></cl-contact-form>
    </div>`,
  ).then((wrapper) => wrapper.querySelector('cl-contact-form')!);
  return settled(form);
}

const $ = <T extends Element = HTMLInputElement>(form: ClContactForm, selector: string): T =>
  form.shadowRoot!.querySelector<T>(selector)!;
const active = (form: ClContactForm): Element | null => form.shadowRoot!.activeElement;

async function fill(
  form: ClContactForm,
  values: Partial<Record<'name' | 'email' | 'organisation' | 'message' | 'website' | 'topic', string>>,
) {
  for (const [name, value] of Object.entries(values)) {
    const input = $<HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement>(form, `#${name}`);
    input.value = value;
    input.dispatchEvent(new Event(name === 'topic' ? 'change' : 'input', { bubbles: true }));
  }
  await form.updateComplete;
}

const VALID = { name: 'Aled Jones', email: 'aled@example.org', topic: 'principles', message: 'How do we start?' };

function submitEvents(form: ClContactForm): ContactSubmitDetail[] {
  const details: ContactSubmitDetail[] = [];
  form.addEventListener('cl-contact-submit', (event) => details.push(event.detail));
  return details;
}

/**
 * Presses send and waits until the form was checked: a send began (cl-contact-submit) or the error
 * summary took focus (from the focused button, so a summary still shown from before does not count).
 */
async function submit(form: ClContactForm): Promise<void> {
  let submitted = false;
  const onSubmit = () => (submitted = true);
  form.addEventListener('cl-contact-submit', onSubmit, { once: true });
  const button = $<HTMLButtonElement>(form, 'button[type="submit"]');
  button.focus();
  button.click();
  // The checks load on the first focus or input in the form; the first send waits for them.
  await until(
    () => submitted || (active(form)?.classList.contains('error-summary') ?? false),
    'the send to be checked',
  );
  form.removeEventListener('cl-contact-submit', onSubmit);
  await form.updateComplete;
}

const sent = (form: ClContactForm) =>
  until(() => form.shadowRoot!.querySelector('.confirmation'), 'the confirmation', 12_000);

/**
 * Holds this page's timers of more than a second (the sender's pause before
 * its automatic retry) until `release()`, so the retrying state lasts until
 * the test moves on, not for a 2 s window. Shorter timers (the harness's
 * polling, the draft save) run as usual. `held()` lists the held delays.
 */
function holdRetryPause(): { held: () => number[]; release: () => void } {
  const { setTimeout: realSet, clearTimeout: realClear } = window;
  const held = new Map<number, { ms: number; run: () => void }>();
  let lastId = 1e9;
  window.setTimeout = ((run: () => void, ms = 0, ...rest: unknown[]) => {
    if (ms <= 1000) return realSet(run, ms, ...rest);
    held.set(++lastId, { ms, run });
    return lastId;
  }) as typeof window.setTimeout;
  window.clearTimeout = ((id?: number) => {
    if (id === undefined || !held.delete(id)) realClear(id);
  }) as typeof window.clearTimeout;
  return {
    held: () => [...held.values()].map((timer) => timer.ms),
    release() {
      window.setTimeout = realSet;
      window.clearTimeout = realClear;
      for (const timer of held.values()) realSet(timer.run, 0);
      held.clear();
    },
  };
}

/** Waits for the retrying notice with the automatic retry held, checks that one retry is due, and returns the notice. */
async function retrying(form: ClContactForm, pause: ReturnType<typeof holdRetryPause>): Promise<Element> {
  const notice = await until(
    () => form.shadowRoot!.querySelector('.cl-panel[data-tone="notice"][role="alert"]'),
    'the retrying notice',
  );
  expect(pause.held(), 'one retry is due, after about 2 s').to.have.length(1);
  expect(pause.held()[0]).to.be.within(1900, 2000);
  return notice;
}

describe('<cl-contact-form> validation', () => {
  it('lists every error in a focused summary, marks each field and moves focus from each link (English)', async () => {
    const form = await makeForm({ endpoint: endpoint(uniqueName('v')), consent: true });
    const hash = location.hash;
    await submit(form);
    const summary = $<HTMLElement>(form, '.error-summary');
    expect(active(form)).to.equal(summary);
    expect(summary.querySelector('h2')!.textContent).to.equal('There is a problem');
    const links = [...summary.querySelectorAll('a')];
    expect(links.map((a) => a.textContent!.trim())).to.deep.equal([
      'Enter your name',
      'Enter your email address',
      'Choose what your question is about',
      'Enter your message',
      'Tick the box to agree that we may keep your details',
    ]);
    for (const [field, link] of ['name', 'email', 'topic', 'message', 'consent'].map(
      (f, i) => [f, links[i]!] as const,
    )) {
      const input = $(form, `#${field}`);
      expect(input.getAttribute('aria-invalid')).to.equal('true');
      expect(input.getAttribute('aria-describedby')!.split(' ')).to.include(`${field}-error`);
      const inline = $(form, `#${field}-error`);
      expect(inline.querySelector('.cl-visually-hidden')!.textContent).to.equal('Error:');
      expect(inline.textContent!.replace(/\s+/g, ' ').trim()).to.equal(`Error: ${link.textContent!.trim()}`);
      link.click();
      expect(active(form)).to.equal(input);
    }
    expect(location.hash).to.equal(hash);
    expect($(form, '#organisation').getAttribute('aria-invalid')).to.equal('false');
    await expectAccessible(form);
    expectNoOverflow(form);
  });

  it('shows the errors in Welsh on a Welsh form', async () => {
    const form = await makeForm({ endpoint: endpoint(uniqueName('v')), lang: 'cy' });
    await fill(form, { email: 'dim-ebost' });
    await submit(form);
    const links = [...$<HTMLElement>(form, '.error-summary').querySelectorAll('a')].map((a) => a.textContent!.trim());
    expect(links).to.deep.equal([
      'Rhowch eich enw',
      'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
      'Dewiswch am beth mae eich cwestiwn',
      'Rhowch eich neges',
    ]);
    expect($(form, '.error-summary h2').textContent).to.equal('Mae problem wedi codi');
    expect($(form, '#name-error .cl-visually-hidden').textContent).to.equal('Gwall:');
    expect($(form, 'option[value="films"]').getAttribute('lang')).to.equal('en');
    await expectAccessible(form);
  });

  it('trims whitespace and checks email addresses for real', async () => {
    const form = await makeForm({ endpoint: endpoint(uniqueName('v')) });
    await fill(form, { ...VALID, name: '   ' });
    for (const email of ['a@b', 'a b@example.org', 'a@@example.org', 'name@example..org', 'name@-example.org']) {
      await fill(form, { email });
      await submit(form);
      const errors = [...form.shadowRoot!.querySelectorAll('.error-summary a')].map((a) => a.textContent!.trim());
      expect(errors, email).to.deep.equal([
        'Enter your name',
        'Enter an email address in the correct format, like name@example.com',
      ]);
    }
    await fill(form, { name: ' Aled ', email: '  aled@example.org ' });
    const events = submitEvents(form);
    await submit(form);
    await sent(form);
    expect(events[0]!.payload.name).to.equal('Aled');
    expect(events[0]!.payload.email).to.equal('aled@example.org');
  });

  it('counts characters against 2,000, with Welsh plurals, and refuses a message that is too long', async () => {
    const form = await makeForm({ endpoint: endpoint(uniqueName('v')), lang: 'cy' });
    expect(visibleText($(form, '.count'))).to.equal('Mae gennych 2,000 nod ar ôl');
    await fill(form, { ...VALID, message: 'x'.repeat(2001) });
    expect(visibleText($(form, '.count'))).to.equal('Mae gennych 1 nod yn ormod');
    await submit(form);
    expect($(form, '#message-error').textContent).to.contain('Rhaid i’r neges fod yn 2,000 nod neu lai');
    form.lang = 'en';
    await fill(form, { message: 'x'.repeat(1999) });
    expect(visibleText($(form, '.count'))).to.equal('You have 1 character remaining');
    expect($(form, '#message').getAttribute('aria-describedby')).to.contain('message-limit');
  });

  it('announces the count politely once typing pauses, and only then', async () => {
    const form = await makeForm({ endpoint: endpoint(uniqueName('v')) });
    const region = $(form, '[aria-live="polite"]');
    const message = $(form, '#message');
    // When each key arrived and when the region changed: the order of the two, not a clock window, is checked.
    let lastInput = 0;
    const changes: { text: string; at: number }[] = [];
    message.addEventListener('input', () => (lastInput = performance.now()));
    const observer = new MutationObserver(() => changes.push({ text: region.textContent!, at: performance.now() }));
    observer.observe(region, { childList: true, characterData: true, subtree: true });
    message.focus();
    await sendKeys({ type: 'Hello' });
    await until(() => region.textContent === 'You have 1,995 characters remaining', 'the announcement');
    observer.disconnect();
    expect(changes.map((change) => change.text)).to.deep.equal(['You have 1,995 characters remaining']);
    expect(changes[0]!.at - lastInput).to.be.at.least(990);
  });
});

describe('<cl-contact-form> sending to the real receiver', () => {
  it('sends, shows the reference in a focused panel, fires cl-contact-sent and clears the draft', async () => {
    const fault = uniqueName('ok');
    const id = uniqueName('form');
    const form = await makeForm({ endpoint: endpoint(fault), id });
    const events = submitEvents(form);
    let reference = '';
    form.addEventListener('cl-contact-sent', (event) => (reference = event.detail.reference));
    await fill(form, { ...VALID, organisation: 'Cyngor' });
    await submit(form);
    const panel = await sent(form);
    expect(active(form)).to.equal(panel);
    expect(reference).to.match(/^CL-[A-Z2-9]{8}$/);
    expect(panel.querySelector('.reference')!.textContent).to.equal(reference);
    // A version 4 UUID, made from getRandomValues (this page is a secure context, a plain-http intranet is not).
    expect(events[0]!.idempotencyKey).to.match(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(events[0]!.payload).to.deep.include({
      topic: 'principles',
      organisation: 'Cyngor',
      replyLanguage: 'en',
      language: 'en',
    });
    expect(await seen(fault)).to.deep.equal({ requests: 1, stored: 1 });
    expect(sessionStore.get(`contact-draft:${location.pathname}#${id}`)).to.equal(undefined);
    await expectAccessible(form);
    expectNoOverflow(form);
  });

  it('offers an empty form for another message, focused on the first field, that sends with a new key', async () => {
    const fault = uniqueName('another');
    const form = await makeForm({ endpoint: endpoint(fault) });
    const events = submitEvents(form);
    await fill(form, VALID);
    await submit(form);
    const panel = await sent(form);
    const another = [...panel.querySelectorAll('button')].find((b) => b.textContent!.includes('Send another message'))!;
    another.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => active(form) === $(form, 'input[name="name"]'), 'focus on the name field');
    expect($(form, 'input[name="name"]').value).to.equal('');
    expect($<HTMLTextAreaElement>(form, 'textarea[name="message"]').value).to.equal('');
    await fill(form, { ...VALID, message: 'A second question' });
    await submit(form);
    await sent(form);
    expect(events).to.have.length(2);
    expect(events[1]!.idempotencyKey).to.not.equal(events[0]!.idempotencyKey);
    expect(await seen(fault)).to.deep.equal({ requests: 2, stored: 2 });
  });

  it('retries once by itself, then offers a retry button; the same content keeps its key and is stored once', async () => {
    const fault = uniqueName('fail');
    const form = await makeForm({ endpoint: endpoint(fault, '&fail=2') });
    const events = submitEvents(form);
    const errors: number[] = [];
    form.addEventListener('cl-contact-error', (event) => errors.push(event.detail.status));
    await fill(form, VALID);
    const pause = holdRetryPause();
    try {
      await submit(form);
      const notice = await retrying(form, pause);
      expect(visibleText(notice)).to.contain(senderStrings.retrying.en);
      expect(await seen(fault)).to.deep.equal({ requests: 1, stored: 0 });
    } finally {
      pause.release();
    }
    const failed = await until(
      () => form.shadowRoot!.querySelector('.cl-panel[data-tone="error"]'),
      'the failure panel',
      10_000,
    );
    expect(failed.textContent).to.contain('Your message has not been sent');
    expect(errors).to.deep.equal([503]);
    expect($(form, '#message').value).to.equal(VALID.message);
    expect(failed.querySelector('a[href^="mailto:"]')).to.not.equal(null);
    await expectAccessible(form);
    failed.querySelector<HTMLButtonElement>('button')!.click();
    await sent(form);
    expect(events.map((e) => e.idempotencyKey)).to.have.length(3);
    expect(new Set(events.map((e) => e.idempotencyKey)).size).to.equal(1);
    expect(await seen(fault)).to.deep.equal({ requests: 3, stored: 1 });
  });

  it('stores a message once when the server stores it but its answer is lost', async () => {
    const fault = uniqueName('lost');
    const form = await makeForm({ endpoint: endpoint(fault, '&lose-answer=1') });
    await fill(form, VALID);
    await submit(form);
    await sent(form);
    expect(await seen(fault)).to.deep.equal({ requests: 2, stored: 1 });
  });

  it('takes a new key when the content changes after a failure', async () => {
    const fault = uniqueName('edit');
    const form = await makeForm({ endpoint: endpoint(fault, '&fail=2') });
    const events = submitEvents(form);
    await fill(form, VALID);
    await submit(form);
    const failed = await until(
      () => form.shadowRoot!.querySelector('.cl-panel[data-tone="error"]'),
      'the failure panel',
      10_000,
    );
    await fill(form, { message: `${VALID.message} Diolch.` });
    failed.querySelector<HTMLButtonElement>('button')!.click();
    await sent(form);
    expect(events[0]!.idempotencyKey).to.equal(events[1]!.idempotencyKey);
    expect(events[2]!.idempotencyKey).to.not.equal(events[0]!.idempotencyKey);
    expect(events[2]!.payload.message).to.equal('How do we start? Diolch.');
  });

  it('shows the server’s field errors from a 422 at their fields', async () => {
    const url = await mock(uniqueName('contact-422'), {
      status: 422,
      body: { error: 'invalid', errors: [{ field: 'email', code: 'invalid' }] },
    });
    const form = await makeForm({ endpoint: url, lang: 'cy' });
    await fill(form, VALID);
    await submit(form);
    const summary = await until(
      () => form.shadowRoot!.querySelector<HTMLElement>('.error-summary'),
      'the error summary',
    );
    await until(() => active(form) === summary, 'focus on the summary');
    expect($(form, '#email-error').textContent).to.contain('Rhowch gyfeiriad e-bost yn y fformat cywir');
    expect($(form, '#email').getAttribute('aria-invalid')).to.equal('true');
    await expectAccessible(form);
  });

  it('sends a honeypot submission flagged, and the receiver still stores it', async () => {
    const fault = uniqueName('honeypot');
    const form = await makeForm({ endpoint: endpoint(fault) });
    const events = submitEvents(form);
    expect($(form, '.honeypot').getAttribute('aria-hidden')).to.equal('true');
    expect($(form, '#website').tabIndex).to.equal(-1);
    await fill(form, { ...VALID, website: 'https://spam.example' });
    await submit(form);
    await sent(form);
    expect(events[0]!.payload).to.deep.include({ suspect: true, suspectReason: 'honeypot' });
    expect(await seen(fault)).to.deep.equal({ requests: 1, stored: 1 });
  });

  it('restores a draft after a reload, with no fill-time flag', async () => {
    const id = uniqueName('form');
    const fault = uniqueName('draft');
    const first = await makeForm({ endpoint: endpoint(fault), id });
    await fill(first, { ...VALID, organisation: 'Bwrdd Iechyd' });
    first.closest('div')!.remove();
    const again = await makeForm({ endpoint: endpoint(fault), id });
    expect($(again, '#name').value).to.equal(VALID.name);
    expect($(again, '#organisation').value).to.equal('Bwrdd Iechyd');
    expect($<HTMLSelectElement>(again, '#topic').value).to.equal('principles');
    expect($(again, '#message').value).to.equal(VALID.message);
    const events = submitEvents(again);
    await submit(again);
    await sent(again);
    expect(events[0]!.payload.suspect).to.equal(undefined);
  });
});

describe('<cl-contact-form> without an endpoint', () => {
  for (const lang of ['en', 'cy'] as const) {
    it(`offers the feed's contact details and a prefilled email (${lang})`, async () => {
      const form = await makeForm({ lang });
      expect(form.shadowRoot!.querySelector('button[type="submit"]')).to.equal(null);
      await fill(form, { name: 'Aled', message: 'Helo & croeso' });
      const mail = $<HTMLAnchorElement>(form, 'a[href^="mailto:"]');
      expect(mail.href).to.contain('mailto:hello@example.org?subject=');
      expect(decodeURIComponent(mail.href)).to.contain('Helo & croeso\n\nAled');
      expect($<HTMLAnchorElement>(form, 'a[href^="tel:"]').href).to.equal('tel:03003033444');
      const page = $<HTMLAnchorElement>(form, '.other-ways a[hreflang]');
      expect(page.href).to.equal(
        lang === 'cy' ? 'https://gofalcymdeithasol.cymru/cysylltu' : 'https://socialcare.wales/contact',
      );
      expect(form.shadowRoot!.textContent).to.contain(CONTACT.address[lang]);
      await expectAccessible(form);
      expectNoOverflow(form);
    });
  }
});

describe('<cl-contact-form> host delivery with respondWith', () => {
  it('shows the host’s reference and never posts', async () => {
    const fault = uniqueName('host');
    const form = await makeForm({ endpoint: endpoint(fault) });
    form.addEventListener('cl-contact-submit', (event) => {
      event.preventDefault();
      event.detail.respondWith(Promise.resolve({ reference: 'CRM-42' }));
    });
    await fill(form, VALID);
    await submit(form);
    const panel = await sent(form);
    expect(panel.querySelector('.reference')!.textContent).to.equal('CRM-42');
    expect(await seen(fault)).to.deep.equal({ requests: 0, stored: 0 });
  });

  it('shows the host’s failure, fires cl-contact-error and keeps the draft', async () => {
    const id = uniqueName('form');
    const form = await makeForm({ endpoint: endpoint(uniqueName('host')), id, lang: 'cy' });
    form.addEventListener('cl-contact-submit', (event) => {
      event.preventDefault();
      event.detail.respondWith(Promise.reject(new Error('CRM down')));
    });
    let error: { status: number; message: string } | undefined;
    form.addEventListener('cl-contact-error', (event) => (error = event.detail));
    await fill(form, VALID);
    await submit(form);
    const failed = await until(
      () => form.shadowRoot!.querySelector('.cl-panel[data-tone="error"]'),
      'the failure panel',
    );
    expect(failed.textContent).to.contain('Nid oedd modd danfon eich neges');
    expect(error).to.deep.equal({ status: 0, message: 'CRM down' });
    expect(
      sessionStore.get<{ fields: { message: string } }>(`contact-draft:${location.pathname}#${id}`)?.fields.message,
    ).to.equal(VALID.message);
    await expectAccessible(form);
  });
});

describe('<cl-contact-form> states in Welsh', () => {
  it('is accessible in Welsh while retrying, failed and sent', async () => {
    const fault = uniqueName('cy');
    const form = await makeForm({ endpoint: endpoint(fault, '&fail=2'), lang: 'cy', consent: true });
    await fill(form, VALID);
    $(form, '#consent').click();
    const pause = holdRetryPause();
    try {
      await submit(form);
      const notice = await retrying(form, pause);
      expect(visibleText(notice)).to.contain(senderStrings.retrying.cy);
      await expectAccessible(form);
    } finally {
      pause.release();
    }
    const failed = await until(
      () => form.shadowRoot!.querySelector('.cl-panel[data-tone="error"]'),
      'the failure panel',
      10_000,
    );
    expect(failed.textContent).to.contain('Nid yw eich neges wedi’i hanfon');
    await expectAccessible(form);
    failed.querySelector<HTMLButtonElement>('button')!.click();
    const panel = await sent(form);
    expect(panel.textContent).to.contain('Neges wedi’i hanfon');
    await expectAccessible(form);
    expectNoOverflow(form);
  });
});

describe('<cl-contact-form> by keyboard alone', () => {
  it('is completed and sent with Tab, typing, arrows and Enter', async () => {
    const fault = uniqueName('keys');
    const form = await makeForm({ endpoint: endpoint(fault), lang: 'cy' });
    $(form, '#name').focus();
    await sendKeys({ type: 'Aled' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'aled@example.org' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    expect(active(form)).to.equal($(form, '#topic'));
    await sendKeys({ press: 'ArrowDown' });
    await sendKeys({ press: 'Tab' });
    await sendKeys({ type: 'Helo' });
    await sendKeys({ press: 'Tab' });
    expect(active(form)).to.equal($(form, 'input[name="replyLanguage"][value="cy"]'));
    await sendKeys({ press: 'Tab' });
    expect(active(form)).to.equal($(form, 'button[type="submit"]'));
    await sendKeys({ press: 'Enter' });
    await sent(form);
    expect(await seen(fault)).to.deep.equal({ requests: 1, stored: 1 });
  });
});

describe('<cl-contact-form> with the built-in feed', () => {
  it('shows a working, accessible form with no attributes', async () => {
    const form = await fixture<ClContactForm>(html`<cl-contact-form></cl-contact-form>`);
    await settled(form);
    for (const field of ['#name', '#email', '#message'])
      expect(form.shadowRoot!.querySelector(field), field).to.not.equal(null);
    expect(form.shadowRoot!.querySelector('button[type="submit"], .other-ways')).to.not.equal(null);
    await expectAccessible(form);
  });
});

/** The contract's success answer, for mocked endpoints. */
const STORED = { status: 201, body: { reference: 'CL-7KQ2M9XA' } };
const RATE_LIMITED = { error: 'rate-limited' };

/** A 429 whose Retry-After the page may read (the mock exposes it as the receiver does). */
function rateLimited(seconds: string) {
  return {
    status: 429,
    headers: { 'Retry-After': seconds, 'Access-Control-Expose-Headers': 'Retry-After' },
    body: RATE_LIMITED,
  };
}

describe('<cl-contact-form> over the receiver’s rate limit (429)', () => {
  it('says how long it waits (Retry-After), then sends the same message with the same key', async () => {
    const name = uniqueName('contact-429');
    const url = await mock(name, rateLimited('1'), STORED);
    const form = await makeForm({ endpoint: url });
    const events = submitEvents(form);
    await fill(form, VALID);
    await submit(form);
    const notice = await until(() => form.shadowRoot!.querySelector('.rate-limited'), 'the wait notice');
    expect(visibleText(notice)).to.equal(
      'Too many messages were sent from here. Everything you wrote is kept here. Trying again in 1 second.',
    );
    expect(notice.getAttribute('role')).to.equal('alert');
    expect($(form, 'button[type="submit"]').getAttribute('aria-disabled')).to.equal('true');
    await expectAccessible(form);
    const panel = await sent(form);
    expect(panel.querySelector('.reference')!.textContent).to.equal('CL-7KQ2M9XA');
    expect(events).to.have.length(2);
    expect(events[1]!.idempotencyKey).to.equal(events[0]!.idempotencyKey);
    expect(await requestCount(new URL(url).pathname, 'POST')).to.equal(2);
  });

  it('puts a longer wait in minutes, in Welsh', async () => {
    const url = await mock(uniqueName('contact-429-cy'), rateLimited('120'));
    const form = await makeForm({ endpoint: url, lang: 'cy' });
    await fill(form, VALID);
    await submit(form);
    const notice = await until(() => form.shadowRoot!.querySelector('.rate-limited'), 'the wait notice');
    expect(visibleText(notice)).to.contain('Byddwn yn rhoi cynnig arall arni ymhen 2 munud.');
    await expectAccessible(form);
  });

  it('waits a minute when the Retry-After header cannot be read', async () => {
    const url = await mock(uniqueName('contact-429-hidden'), {
      status: 429,
      // The header is sent but not exposed to the page (CORS): the widget cannot read it.
      headers: { 'Retry-After': '1', 'Access-Control-Expose-Headers': 'Content-Length' },
      body: RATE_LIMITED,
    });
    const form = await makeForm({ endpoint: url });
    await fill(form, VALID);
    await submit(form);
    const notice = await until(() => form.shadowRoot!.querySelector('.rate-limited'), 'the wait notice');
    expect(visibleText(notice)).to.contain('Trying again in 1 minute.');
  });

  it('still sends when moved in the page during the wait', async () => {
    const url = await mock(uniqueName('contact-429-move'), rateLimited('1'), STORED);
    const form = await makeForm({ endpoint: url });
    await fill(form, VALID);
    await submit(form);
    await until(() => form.shadowRoot!.querySelector('.rate-limited'), 'the wait notice');
    const elsewhere = document.createElement('section');
    form.closest('div')!.append(elsewhere);
    elsewhere.append(form);
    await sent(form);
    expect($(form, '.reference').textContent).to.equal('CL-7KQ2M9XA');
  });
});

describe('<cl-contact-form> privacy notice', () => {
  let warnings: string[] = [];
  const warn = console.warn;
  beforeEach(() => {
    warnings = [];
    console.warn = (...args: unknown[]) => warnings.push(args.map(String).join(' '));
  });
  afterEach(() => (console.warn = warn));

  it('links the partner’s own notice from the privacy attribute', async () => {
    const form = await makeForm({ endpoint: endpoint(uniqueName('p')) });
    form.privacy = 'https://partner.example/privacy';
    await form.updateComplete;
    const link = $<HTMLAnchorElement>(form, '[part~="privacy"] a');
    expect(link.href).to.equal('https://partner.example/privacy');
    expect(warnings).to.deep.equal([]);
  });

  it('links the feed’s contact.privacy without the attribute', async () => {
    const form = await makeForm({ endpoint: endpoint(uniqueName('p')), lang: 'cy' });
    const link = $<HTMLAnchorElement>(form, '[part~="privacy"] a');
    expect(link.href).to.equal(CONTACT.privacy);
    expect(link.textContent!.trim()).to.equal('Darllenwch ein hysbysiad preifatrwydd');
    expect(warnings).to.deep.equal([]);
  });

  for (const lang of ['en', 'cy'] as const) {
    it(`says who receives the message and warns once when there is no notice (${lang})`, async () => {
      // JSON leaves an undefined property out: the feed has no contact.privacy.
      const src = await mock(uniqueName('contact-feed-no-privacy'), {
        body: { version: 1, contact: { ...CONTACT, privacy: undefined } },
      });
      const form = await makeForm({ endpoint: endpoint(uniqueName('p')), src, lang });
      const line = $<HTMLElement>(form, '[part~="privacy"]');
      const host = new URL(server).host;
      expect(visibleText(line)).to.equal(
        lang === 'cy'
          ? `Bydd eich neges a’ch manylion yn cael eu hanfon i ${host}, a’u defnyddio i’ch ateb chi yn unig.`
          : `Your message and details are sent to ${host}, and used only to answer you.`,
      );
      expect(line.querySelector('a')).to.equal(null);
      await fill(form, { name: 'Aled' });
      form.requestUpdate();
      await form.updateComplete;
      expect(warnings).to.have.length(1);
      expect(warnings[0]).to.contain('privacy attribute').and.contain('contact.privacy');
      await expectAccessible(form);
    });
  }
});

describe('<cl-contact-form> attributes and focus', () => {
  it('preselects a topic set after connection', async () => {
    const form = await makeForm({ endpoint: endpoint(uniqueName('t')) });
    expect($<HTMLSelectElement>(form, '#topic').value).to.equal('');
    form.setAttribute('topic', 'films');
    await form.updateComplete;
    expect($<HTMLSelectElement>(form, '#topic').value).to.equal('films');
  });

  it('delegates focus: focusing the element focuses the form’s first field', async () => {
    const form = await makeForm({ endpoint: endpoint(uniqueName('f')) });
    form.focus();
    expect(active(form)).to.equal($(form, '#name'));
  });

  it('gives the error summary and the confirmation the heading level asked for, else level 2', async () => {
    const form = await makeForm({ endpoint: endpoint(uniqueName('h')) });
    form.setAttribute('heading-level', '4');
    await submit(form);
    expect($(form, '.error-summary-title').localName).to.equal('h4');
    form.setAttribute('heading-level', '9');
    await form.updateComplete;
    expect($(form, '.error-summary-title').localName).to.equal('h2');
    form.setAttribute('heading-level', '3');
    await fill(form, VALID);
    await submit(form);
    const panel = await sent(form);
    expect(panel.querySelector('.confirmation-title')!.localName).to.equal('h3');
    await expectAccessible(form);
  });

  it('gives the message limit from the shared rules, in each language', async () => {
    const en = await makeForm({ endpoint: endpoint(uniqueName('l')) });
    expect($(en, '#message-limit').textContent).to.equal('You can enter up to 2,000 characters');
    const cy = await makeForm({ endpoint: endpoint(uniqueName('l')), lang: 'cy' });
    expect($(cy, '#message-limit').textContent).to.equal('Gallwch ddefnyddio hyd at 2,000 nod');
  });
});

describe('<cl-contact-form> fill time, by a controlled clock', () => {
  const realNow = performance.now;
  let now = 0;
  beforeEach(() => {
    now = realNow.call(performance);
    performance.now = () => now;
  });
  afterEach(() => (performance.now = realNow));

  for (const [elapsed, flagged] of [
    [2999, true],
    [3000, false],
  ] as const) {
    it(`${flagged ? 'flags' : 'does not flag'} a form sent ${elapsed} ms after it was shown`, async () => {
      const form = await makeForm({ endpoint: endpoint(uniqueName('clock')) });
      const events = submitEvents(form);
      await fill(form, VALID);
      now += elapsed;
      await submit(form);
      await sent(form);
      expect(events[0]!.payload.suspectReason).to.equal(flagged ? 'too-fast' : undefined);
    });
  }
});

describe('<cl-contact-form> drafts', () => {
  it('restores an unconfirmed send with the draft and re-sends it after a reload with the same key', async () => {
    const id = uniqueName('form');
    const fault = uniqueName('reload');
    const first = await makeForm({ endpoint: endpoint(fault, '&fail=2'), id });
    const firstEvents = submitEvents(first);
    await fill(first, VALID);
    await submit(first);
    await until(() => first.shadowRoot!.querySelector('.cl-panel[data-tone="error"]'), 'the failure panel', 10_000);
    first.closest('div')!.remove();
    const again = await makeForm({ endpoint: endpoint(fault, '&fail=2'), id });
    const events = submitEvents(again);
    await submit(again);
    await sent(again);
    expect(events[0]!.idempotencyKey).to.equal(firstEvents[0]!.idempotencyKey);
    expect(await seen(fault)).to.deep.equal({ requests: 3, stored: 1 });
  });

  it('keeps a separate draft for each of two forms on one page', async () => {
    const [a, b] = [uniqueName('form'), uniqueName('form')];
    const url = endpoint(uniqueName('two'));
    await fill(await makeForm({ endpoint: url, id: a }), { message: 'From the first form' });
    await fill(await makeForm({ endpoint: url, id: b }), { message: 'From the second form' });
    for (const wrapper of document.querySelectorAll('cl-contact-form')) wrapper.closest('div')!.remove();
    const [againA, againB] = [await makeForm({ endpoint: url, id: a }), await makeForm({ endpoint: url, id: b })];
    expect($(againA, '#message').value).to.equal('From the first form');
    expect($(againB, '#message').value).to.equal('From the second form');
  });
});

describe('<cl-contact-form> answers that refuse the message', () => {
  for (const [status, error] of [
    [400, 'idempotency-key'],
    [409, 'idempotency-key-reused'],
    [415, 'unsupported-media-type'],
  ] as const) {
    it(`keeps the message, says the server could not accept it and offers a retry (${status})`, async () => {
      const url = await mock(uniqueName(`contact-${status}`), { status, body: { error } }, STORED);
      const form = await makeForm({ endpoint: url });
      const errors: number[] = [];
      form.addEventListener('cl-contact-error', (event) => errors.push(event.detail.status));
      await fill(form, VALID);
      await submit(form);
      const failed = await until(() => form.shadowRoot!.querySelector('.cl-panel[data-tone="error"]'), 'the failure');
      expect(visibleText(failed)).to.contain(`Our server could not accept your message (error ${status}).`);
      expect(errors).to.deep.equal([status]);
      expect($(form, '#message').value).to.equal(VALID.message);
      // Not retried by itself: only the person's retry sends again.
      expect(await requestCount(new URL(url).pathname, 'POST')).to.equal(1);
      failed.querySelector<HTMLButtonElement>('button')!.click();
      await sent(form);
    });
  }
});
