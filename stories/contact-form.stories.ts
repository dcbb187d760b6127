import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { html } from 'lit';
import { expect, userEvent, waitFor } from 'storybook/test';
import '../src/components/contact-form/define.js';
import type { ContactSubmitDetail } from '../src/components/contact-form/contact-form.js';
import fixtureFeed from './fixtures/contact-form-feed.json';
import { expectErrorPanel, expectLoadingState, saveLastGoodCopy } from './feed-states.js';

type Outcome = 'receiver' | 'sent' | 'failed' | 'pending';

interface ContactFormArgs {
  /** The feed's address. */
  src: string;
  lang: 'en' | 'cy';
  consent: boolean;
  endpoint: string;
  /** The partner's privacy notice; empty: the feed's. */
  privacy: string;
  /** The level of the summary's and the confirmation's headings (2 to 6). */
  headingLevel: number;
  /** Who answers: the endpoint itself (`receiver`), or the story's host through respondWith. */
  outcome: Outcome;
}

const FEED = '/fixtures/contact-form-feed.json';
/** No such file: the store gets an error. Each story adds its own query so it has its own store entry. */
const MISSING = '/fixtures/contact-form-missing.json';
/** Never contacted: the story's host delivers the message itself through respondWith. */
const ENDPOINT = 'https://contact.example.invalid/api/contact';
/** The project's real receiver, which Storybook's dev server and the story tests serve (.storybook/main.ts). */
const RECEIVER = '/api/contact';

/** The story stands in for a partner's CRM: it cancels the post and settles respondWith; `receiver` lets the post go. */
function deliver(outcome: Outcome) {
  return (event: CustomEvent<ContactSubmitDetail>) => {
    if (outcome === 'receiver') return;
    event.preventDefault();
    const result =
      outcome === 'sent'
        ? Promise.resolve({ reference: 'CRM-2026-0042' })
        : outcome === 'failed'
          ? Promise.reject(new Error('The CRM is not answering'))
          : new Promise<{ reference: string }>(() => undefined);
    event.detail.respondWith(result);
  };
}

const shadow = (canvasElement: HTMLElement): ShadowRoot => canvasElement.querySelector('cl-contact-form')!.shadowRoot!;

async function loadedForm(canvasElement: HTMLElement): Promise<ShadowRoot> {
  const root = shadow(canvasElement);
  await waitFor(() => expect(root.querySelector('#name')).toBeTruthy(), { timeout: 5000 });
  return root;
}

/** Empties a field as a person would have; user-event's clear() cannot focus inside a shadow root. */
function empty(input: HTMLInputElement | HTMLTextAreaElement): void {
  input.value = '';
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

/** Types fresh values (a draft from an earlier run of the story is emptied first). */
async function fillIn(root: ShadowRoot, lang: 'en' | 'cy'): Promise<void> {
  for (const [id, value] of [
    ['name', 'Aled Jones'],
    ['email', 'aled@example.org'],
    ['message', lang === 'cy' ? 'Sut ydyn ni’n dechrau?' : 'How do we start using the principles?'],
  ] as const) {
    const input = root.querySelector<HTMLInputElement>(`#${id}`)!;
    empty(input);
    await userEvent.type(input, value);
  }
  await userEvent.selectOptions(root.querySelector('#topic')!, 'principles');
}

const send = (root: ShadowRoot) => userEvent.click(root.querySelector<HTMLButtonElement>('button[type="submit"]')!);

const meta = {
  title: 'Widgets/cl-contact-form',
  component: 'cl-contact-form',
  args: { src: FEED, lang: 'en', consent: false, endpoint: ENDPOINT, privacy: '', headingLevel: 2, outcome: 'sent' },
  argTypes: {
    src: { control: 'text' },
    lang: { control: 'inline-radio', options: ['en', 'cy'] },
    consent: { control: 'boolean' },
    endpoint: { control: 'text' },
    privacy: { control: 'text' },
    headingLevel: { control: { type: 'number', min: 2, max: 6 } },
    outcome: { control: 'inline-radio', options: ['receiver', 'sent', 'failed', 'pending'] },
  },
  render: (args, context) =>
    html`<cl-contact-form
      id=${`story-${context.name.toLowerCase().replace(/\W+/g, '-')}`}
      src=${args.src}
      endpoint=${args.endpoint}
      privacy=${args.privacy}
      heading-level=${args.headingLevel}
      lang=${args.lang}
      ?consent=${args.consent}
      @cl-contact-submit=${deliver(args.outcome)}
    >
      <p>Write to us at <a href="mailto:contact@partner.example">contact@partner.example</a>.</p>
    </cl-contact-form>`,
} satisfies Meta<ContactFormArgs>;

export default meta;
type Story = StoryObj<ContactFormArgs>;

/** The empty form: every field labelled, the reply language preset to the form's. */
export const Empty: Story = {
  play: async ({ canvasElement }) => {
    const root = await loadedForm(canvasElement);
    await expect(root.querySelector<HTMLInputElement>('input[name="replyLanguage"][value="en"]')!.checked).toBe(true);
    await expect(root.querySelector('.count')!.textContent).toBe('You have 2,000 characters remaining');
  },
};

/** Sent with nothing filled in: the focused error summary, and its links move focus to the fields. */
export const Errors: Story = {
  args: { consent: true },
  play: async ({ canvasElement }) => {
    const root = await loadedForm(canvasElement);
    for (const id of ['name', 'email', 'message']) empty(root.querySelector<HTMLInputElement>(`#${id}`)!);
    await send(root);
    // The checks load on the first focus or input in the form; the send waits for them.
    await waitFor(() => expect(root.activeElement).toBe(root.querySelector('.error-summary')));
    const summary = root.querySelector<HTMLElement>('.error-summary')!;
    const links = [...summary.querySelectorAll('a')];
    await expect(links.map((a) => a.textContent!.trim())).toContain('Enter your email address');
    await userEvent.click(links[1]!);
    await expect(root.activeElement).toBe(root.querySelector('#email'));
  },
};

/** Waiting for the host's answer: a polite status, and the send button marked busy. */
export const Sending: Story = {
  args: { outcome: 'pending' },
  play: async ({ canvasElement }) => {
    const root = await loadedForm(canvasElement);
    await fillIn(root, 'en');
    await send(root);
    await waitFor(() => expect(root.querySelector('.sending')!.textContent).toBe('Sending your message…'));
    await expect(root.querySelector('button[type="submit"]')).toHaveAttribute('aria-disabled', 'true');
  },
};

/** The host's delivery failed: the message is kept, with a retry button and other ways to get in touch. */
export const Failed: Story = {
  args: { outcome: 'failed' },
  play: async ({ canvasElement }) => {
    const root = await loadedForm(canvasElement);
    await fillIn(root, 'en');
    await send(root);
    await waitFor(() => expect(root.querySelector('.cl-panel[data-tone="error"]')).toBeTruthy());
    await expect(root.querySelector('.cl-panel[data-tone="error"] a[href^="mailto:"]')).toBeTruthy();
    await expect(root.querySelector<HTMLTextAreaElement>('#message')!.value).toBe(
      'How do we start using the principles?',
    );
  },
};

/** Stored: the confirmation with the reference, focused. */
export const Sent: Story = {
  play: async ({ canvasElement }) => {
    const root = await loadedForm(canvasElement);
    await fillIn(root, 'en');
    await send(root);
    await waitFor(() => expect(root.querySelector('.confirmation')).toBeTruthy());
    await expect(root.activeElement).toBe(root.querySelector('.confirmation'));
    await expect(root.querySelector('.reference')!.textContent).toBe('CRM-2026-0042');
  },
};

/**
 * Posted to the project's real receiver (server/contact.mjs, at /api/contact in Storybook's dev server and the
 * story tests): the confirmation shows the reference the receiver gave. The static build has no receiver, so there
 * this story shows the failure instead.
 */
export const SentToReceiver: Story = {
  args: { endpoint: RECEIVER, outcome: 'receiver' },
  play: async ({ canvasElement }) => {
    const root = await loadedForm(canvasElement);
    await fillIn(root, 'en');
    await send(root);
    await waitFor(() => expect(root.querySelector('.confirmation')).toBeTruthy(), { timeout: 10_000 });
    await expect(root.activeElement).toBe(root.querySelector('.confirmation'));
    // The receiver's own format (server/contact-store.mjs): never the respondWith stories' CRM-2026-0042.
    await expect(root.querySelector('.reference')!.textContent).toMatch(/^CL-[A-HJ-NP-Z2-9]{8}$/);
  },
};

/** No endpoint anywhere: the feed's phone, address, contact page and an email with the message filled in. */
export const NoEndpoint: Story = {
  args: { endpoint: '' },
  play: async ({ canvasElement }) => {
    const root = await loadedForm(canvasElement);
    await expect(root.querySelector('button[type="submit"]')).toBeNull();
    const message = root.querySelector<HTMLTextAreaElement>('#message')!;
    empty(message);
    await userEvent.type(message, 'Helo');
    await waitFor(() =>
      expect(root.querySelector<HTMLAnchorElement>('a[href^="mailto:"]')!.href).toContain('body=Helo'),
    );
    await expect(root.querySelector<HTMLAnchorElement>('a[href^="tel:"]')!.href).toBe('tel:03003033444');
  },
};

/** The Welsh form: Welsh labels and errors, the reply preset to Welsh, English-only feed text marked `lang="en"`. */
export const Welsh: Story = {
  args: { lang: 'cy' },
  play: async ({ canvasElement }) => {
    const root = await loadedForm(canvasElement);
    await expect(root.querySelector<HTMLInputElement>('input[name="replyLanguage"][value="cy"]')!.checked).toBe(true);
    await expect(root.querySelector('option[value="resources"]')).toHaveAttribute('lang', 'en');
    await fillIn(root, 'cy');
    await send(root);
    await waitFor(() => expect(root.querySelector('.confirmation h2')!.textContent).toBe('Neges wedi’i hanfon'));
  },
};

/** The partner's own privacy notice (the `privacy` attribute) instead of the feed's. */
export const OwnPrivacyNotice: Story = {
  args: { privacy: 'https://partner.example/privacy' },
  play: async ({ canvasElement }) => {
    const root = await loadedForm(canvasElement);
    await expect(root.querySelector<HTMLAnchorElement>('[part~="privacy"] a')!.href).toBe(
      'https://partner.example/privacy',
    );
  },
};

/** Headings at level 4, to fit a page whose form sits under an h3. */
export const HeadingLevel: Story = {
  args: { headingLevel: 4 },
  play: async ({ canvasElement }) => {
    const root = await loadedForm(canvasElement);
    for (const id of ['name', 'email', 'message']) empty(root.querySelector<HTMLInputElement>(`#${id}`)!);
    await send(root);
    await waitFor(() => expect(root.querySelector('h4.error-summary-title')).toBeTruthy());
  },
};

/** The feed is slow: one busy status, and a placeholder of the form's size hidden from assistive technology. */
export const Loading: Story = {
  args: { src: '/fixtures/slow/contact-form-feed.json?delay=120000&story=contact-form-loading' },
  play: async ({ canvasElement }) => {
    await expectLoadingState(shadow(canvasElement));
  },
};

/** The feed cannot be loaded and there is no saved copy: the error panel, and the partner's own contact details below it. */
export const ErrorState: Story = {
  name: 'Error',
  args: { src: `${MISSING}?story=error` },
  play: async ({ canvasElement }) => {
    await expect(await expectErrorPanel(shadow(canvasElement))).toHaveTextContent('(404)');
    await expect(canvasElement.querySelector('a[href="mailto:contact@partner.example"]')).toBeVisible();
  },
};

/** The feed fails but a last good copy was saved earlier: the form from the copy, under a notice with a retry button. */
export const Stale: Story = {
  args: { src: `${MISSING}?story=stale` },
  beforeEach: ({ args }) => saveLastGoodCopy(args.src, FEED, fixtureFeed),
  play: async ({ canvasElement }) => {
    const root = await loadedForm(canvasElement);
    await expect(root.querySelector('[part~="stale"]')).toHaveTextContent('saved copy');
  },
};
