import { expect, fixture, html } from '@open-wc/testing';
import { mock, requestCount, server, uniqueName, until } from '../harness.js';

/*
 * A partner page that loads the CDN bundle (from another origin) and a
 * bundler build of the npm package (dist/index.js) at once: no exception,
 * no warning (same version), the widgets work, one request per feed URL.
 */
describe('the CDN bundle and the npm build on one page', () => {
  const errors: string[] = [];
  const warnings: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);
  const warn = console.warn;

  before(async () => {
    window.addEventListener('error', onError);
    console.warn = (...args: unknown[]) => {
      warnings.push(args.map(String).join(' '));
    };
    await import(/* @vite-ignore */ `${server}/dist/cdn/compassionate-leadership.js`);
    // The built npm entry, as a bundler would load it (npm test builds first).
    await import('../../dist/index.js');
  });

  after(() => {
    window.removeEventListener('error', onError);
    console.warn = warn;
  });

  it('defines every element once, with no error and no version warning', () => {
    for (const tag of ['cl-feed', 'cl-principle-cards', 'cl-film-player', 'cl-resource-list', 'cl-contact-form']) {
      expect(customElements.get(tag), tag).to.be.a('function');
    }
    expect(errors).to.deep.equal([]);
    expect(warnings.filter((w) => w.includes('already defined'))).to.deep.equal([]);
  });

  it('renders widgets from one feed request', async () => {
    const name = uniqueName('cdn-npm');
    const url = await mock(name, {
      body: { version: 1, principles: [{ id: 'a', number: 1, title: 'Agreeing direction', summary: 'S' }] },
      delayMs: 100,
    });
    const el = await fixture(
      html`<div>
        <cl-feed src=${url}><cl-principle-cards></cl-principle-cards></cl-feed>
        <cl-principle-cards src=${url}></cl-principle-cards>
      </div>`,
    );
    const cards = [...el.querySelectorAll('cl-principle-cards')];
    await until(() => cards.every((c) => c.shadowRoot?.textContent?.includes('Agreeing direction')), 'both widgets');
    expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
  });
});
