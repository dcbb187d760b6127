/**
 * Presses on a prerendered widget's buttons after its loader has run but before the widget's own code has come (a
 * slow connection): each is kept, in order, and pressed again once the widget has hydrated, so nobody has to press
 * twice. The loader is the build's; only the widget's chunk is held back (prerendered-page.ts's `runLoaderOnly`).
 * The film player's facade keeps them the same way (film-player-facade.test.ts).
 */
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { parts, until } from './harness.js';
import { closePages, contactFeed, openPrerendered } from './prerendered-page.js';

afterEach(closePages);

const buttons = (element: Element, name: string) => parts(element, name) as HTMLButtonElement[];

it('principle cards: practice points opened, and one opened and closed again, while the code came', async () => {
  const page = await openPrerendered('principle-cards', 'en');
  const events: string[] = [];
  page.element.addEventListener('cl-principle-toggle', (event) => {
    events.push(`${event.detail.id} ${event.detail.open ? 'opened' : 'closed'}`);
  });
  const release = await page.runLoaderOnly();
  const [first, second] = buttons(page.element, 'practice-toggle');
  expect(second, 'two cards with practice points').to.not.equal(undefined);
  first!.click();
  second!.click();
  first!.click();
  expect(events, 'nothing happens before the code').to.deep.equal([]);

  await release();

  expect(page.warnings, 'hydrated in place').to.deep.equal([]);
  const [firstId, secondId] = [first, second].map(
    (toggle) => toggle!.closest<HTMLElement>('[part="card"]')!.dataset.id,
  );
  expect(events).to.deep.equal([`${firstId} opened`, `${secondId} opened`, `${firstId} closed`]);
  expect([first, second].map((toggle) => toggle!.getAttribute('aria-expanded'))).to.deep.equal(['false', 'true']);
  expect(page.root.getElementById(second!.getAttribute('aria-controls')!)!.hidden, 'its panel shown').to.equal(false);
});

it('resource list: a later page asked for while the code came is the page shown once it has come', async () => {
  const page = await openPrerendered('resource-list', 'cy');
  const release = await page.runLoaderOnly();
  const next = buttons(page.element, 'page-button').find((button) => button.value === '2');
  expect(next, 'a second page').to.not.equal(undefined);
  next!.click();

  await release();

  await until(
    () =>
      buttons(page.element, 'page-button').find((button) => button.getAttribute('aria-current') === 'page')?.value ===
      '2',
    'page 2 current',
  );
});

it('contact form: Enter in a field while the code came is the form sent once it has come: its errors, the typing kept', async () => {
  const page = await openPrerendered('contact-form', 'en', contactFeed());
  const release = await page.runLoaderOnly();
  const name = page.root.querySelector<HTMLInputElement>('#name')!;
  name.focus();
  await sendKeys({ type: 'Megan' });
  // Enter presses the form's Send button (implicit submission): that press is kept.
  await sendKeys({ press: 'Enter' });

  await release();

  const summary = await until(() => page.root.querySelector('[part="error-summary"]'), 'the error summary');
  const errors = [...summary.querySelectorAll('a')].map((link) => link.getAttribute('href'));
  expect(errors).to.include('#message');
  expect(errors).to.not.include('#name');
  expect(name.value).to.equal('Megan');
});
