import { expect, fixture, html } from '@open-wc/testing';
import { mock, requestCount, server, uniqueName, until } from './harness.js';
import './fixtures/test-feed-widget.js';

/*
 * The CDN bundle (dist/cdn, served from another origin, as from a partner's
 * CDN) and the library's own modules on one page: nothing throws, <cl-feed>
 * is defined once, and both copies share one request per feed URL.
 */
describe('the library loaded twice (CDN bundle + modules)', () => {
  const errors: string[] = [];
  const onError = (event: ErrorEvent) => errors.push(event.message);

  before(async () => {
    window.addEventListener('error', onError);
    await import(/* @vite-ignore */ `${server}/dist/cdn/compassionate-leadership.js`);
    await import('../src/feed/define.js');
  });

  after(() => window.removeEventListener('error', onError));

  it('defines <cl-feed> from the CDN copy and the second copy leaves it alone without an error', () => {
    expect(customElements.get('cl-feed')).to.be.a('function');
    expect(errors).to.deep.equal([]);
  });

  it('shares one request per feed URL between the two copies', async () => {
    const name = uniqueName('double');
    const url = await mock(name, {
      body: { version: 1, principles: [{ id: 'a', number: 1, title: 'A', summary: 'S' }] },
      delayMs: 100,
    });
    // The CDN copy's <cl-feed> provides the entry; the module copy's widget reads it, and a second widget asks its own store.
    const el = await fixture(
      html`<div>
        <cl-feed src=${url}><test-feed-widget></test-feed-widget></cl-feed>
        <test-feed-widget src=${url}></test-feed-widget>
      </div>`,
    );
    const widgets = [...el.querySelectorAll('test-feed-widget')];
    await until(() => widgets.every((w) => w.shadowRoot?.querySelector('.count')), 'both widgets');
    expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
  });

  it('shows the built-in feed from beside the CDN bundle, on the CDN origin, with no console error', async () => {
    const consoleErrors: string[] = [];
    const error = console.error;
    console.error = (...args: unknown[]) => consoleErrors.push(args.map(String).join(' '));
    try {
      const el = await fixture(html`<cl-principle-cards></cl-principle-cards>`);
      await until(() => el.shadowRoot?.querySelectorAll('[part~="card"]').length === 7, 'the seven principles');
    } finally {
      console.error = error;
    }
    expect(await requestCount('/dist/cdn/feed/built-in.json')).to.be.greaterThan(0);
    expect(consoleErrors).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
  });
});
