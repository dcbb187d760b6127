import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { STORAGE_PREFIX } from '../../src/internal/storage.js';
import { mock, server, settled, uniqueName, until } from '../harness.js';

/*
 * The privacy inventory: every key the widgets write and every host they
 * contact while a person uses all four, checked against the README's
 * "What the widgets store in the browser" section.
 */
const feed = {
  version: 1,
  principles: [{ id: 'direction', number: 1, title: 'Agreeing direction', summary: 'Agree goals early.' }],
  films: [{ id: 'launch', title: 'Launch film', source: { provider: 'youtube', id: 'FAKEid_0001' } }],
  resources: [{ id: 'myths', title: 'Five myths', url: 'https://example.org/myths', type: 'blog', languages: ['en'] }],
  contact: { phone: '0300 3033 444' },
};

const ours = (key: string) => key.startsWith(STORAGE_PREFIX);
const kinds = (storage: Storage) =>
  Object.keys(storage)
    .filter(ours)
    .map((key) => key.slice(STORAGE_PREFIX.length).split(':')[0]!);

function origins(): Set<string> {
  return new Set(performance.getEntriesByType('resource').map((entry) => new URL(entry.name).origin));
}

describe('privacy: what the widgets store and whom they contact', () => {
  // Start and end clean: a remembered film consent would change what later tests in this browser see.
  const forget = () => {
    for (const storage of [localStorage, sessionStorage])
      Object.keys(storage)
        .filter(ours)
        .forEach((key) => storage.removeItem(key));
  };
  before(forget);
  after(forget);

  it('stores only what the README lists, sets no cookie, and contacts no third party before consent', async () => {
    localStorage.setItem('host-page', 'untouched');
    const url = await mock(uniqueName('privacy'), { body: feed });
    const page = await fixture(
      html`<cl-feed src=${url}>
        <cl-principle-cards></cl-principle-cards>
        <cl-film-player></cl-film-player>
        <cl-resource-list></cl-resource-list>
        <cl-contact-form id="privacy-form" endpoint=${`${server}/api/contact`}></cl-contact-form>
      </cl-feed>`,
    );
    const [cards, player, list, form] = [
      'cl-principle-cards',
      'cl-film-player',
      'cl-resource-list',
      'cl-contact-form',
    ].map(
      (tag) => page.querySelector(tag) as HTMLElement & { updateComplete: Promise<boolean>; shadowRoot: ShadowRoot },
    );
    for (const widget of [cards, player, list, form]) await settled(widget as never);

    // A person types into the contact form: the draft is kept for the tab's life.
    const name = form!.shadowRoot.querySelector<HTMLInputElement>('input[name="name"]')!;
    name.focus();
    await sendKeys({ type: 'Alex' });
    await until(() => kinds(sessionStorage).includes('contact-draft'), 'the contact draft');

    // Nothing but the page's own origin and the feed's host so far.
    expect([...origins()].filter((origin) => origin !== location.origin && origin !== server)).to.deep.equal([]);
    expect(player!.shadowRoot.querySelector('iframe')).to.equal(null);

    // The person presses play, asks to be remembered and accepts.
    player!.shadowRoot.querySelector<HTMLButtonElement>('[part="play-button"]')!.click();
    const notice = await until(() => player!.shadowRoot.querySelector('[part="notice"]'), 'the consent notice');
    notice.querySelector<HTMLInputElement>('input[type="checkbox"]')!.click();
    await player!.updateComplete;
    [...notice.querySelectorAll<HTMLButtonElement>('button')].at(0)!.click();
    await until(() => player!.shadowRoot.querySelector('iframe'), 'the player');
    expect(new URL(player!.shadowRoot.querySelector('iframe')!.src).origin).to.equal(
      'https://www.youtube-nocookie.com',
    );

    // The feed's copy for repeat views is written once the page is idle (store.ts), which a busy machine may delay.
    await until(() => kinds(localStorage).includes('feed'), 'the feed copy saved');
    const written = new Set([...kinds(localStorage), ...kinds(sessionStorage)]);
    expect([...written].sort()).to.deep.equal(['contact-draft', 'feed', 'film-consent']);
    expect(kinds(sessionStorage)).to.deep.equal(['contact-draft']);
    expect(document.cookie).to.equal('');
    expect(localStorage.getItem('host-page')).to.equal('untouched');
    localStorage.removeItem('host-page');

    // The README names exactly these, under the same prefix.
    const readme = await (await fetch(`${server}/README.md`)).text();
    const section = readme.split('## What the widgets store in the browser')[1]!.split('\n## ')[0]!;
    const documented = new Set([...section.matchAll(/`cl-widgets:([a-z-]+):/g)].map((m) => m[1]));
    expect([...documented].sort()).to.deep.equal([...written].sort());
    expect(section).to.include('never cookies');
  });
});
