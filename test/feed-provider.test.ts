import { expect, fixture, html } from '@open-wc/testing';
import { ClFeed } from '../src/feed/feed-element.js';
import { builtInFeed } from '../src/feed/built-in.js';
import '../src/feed/define.js';
import { expectAccessible, mock, requestCount, settled, uniqueName, until, visibleText } from './harness.js';
import type { TestFeedWidget } from './fixtures/test-feed-widget.js';
import './fixtures/test-feed-widget.js';

const onePrinciple = { version: 1, principles: [{ id: 'a', number: 1, title: 'A', summary: 'S' }] };

/** Requests this page made for the built-in feed (the resource timeline: every fetch is in it). */
function builtInRequests(): string[] {
  const url = builtInFeed()!;
  return performance
    .getEntriesByType('resource')
    .map((timing) => timing.name)
    .filter((name) => name === url);
}

/* <cl-feed> is defined before any widget here; the built-in feed must not be requested by any test before the last. */
describe('<cl-feed> defined first', () => {
  before(() => performance.setResourceTimingBufferSize(10_000));

  it('answers with its entry at once: only its feed is fetched, the built-in feed never, nothing else stored', async () => {
    const name = uniqueName('only');
    const url = await mock(name, { body: onePrinciple });
    const el = await fixture(
      html`<cl-feed src=${url}><test-feed-widget></test-feed-widget><test-feed-widget></test-feed-widget></cl-feed>`,
    );
    const widgets = [...el.querySelectorAll('test-feed-widget')];
    await Promise.all(widgets.map((widget) => settled(widget)));
    expect(widgets.map((widget) => widget.shadowRoot!.querySelector('.count')!.textContent)).to.deep.equal([
      '1 principles',
      '1 principles',
    ]);
    expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
    expect(builtInRequests()).to.deep.equal([]);
    expect(Object.keys(localStorage).filter((key) => key.includes(builtInFeed()!))).to.deep.equal([]);
  });

  it('is waited for while it has no entry yet (its src property set before upgrade)', async () => {
    const name = uniqueName('pre-upgrade');
    const url = await mock(name, { body: onePrinciple });
    const tag = `x-feed-${uniqueName('tag')}`;
    const provider = document.createElement(tag) as ClFeed;
    provider.src = url;
    provider.append(document.createElement('test-feed-widget'));
    customElements.define(tag, class extends ClFeed {});
    const host = await fixture(html`<div></div>`);
    host.append(provider);
    const widget = provider.querySelector('test-feed-widget')!;
    await until(() => widget.shadowRoot?.querySelector('.count'), 'the provided feed');
    expect(widget.shadowRoot!.querySelector('.count')!.textContent).to.equal('1 principles');
    expect(provider.src).to.equal(url);
    expect(builtInRequests()).to.deep.equal([]);
  });

  it('hides its content when hidden, and shows it again', async () => {
    const url = await mock(uniqueName('hidden'), { body: onePrinciple });
    const el = await fixture<ClFeed>(html`<cl-feed src=${url} hidden><test-feed-widget></test-feed-widget></cl-feed>`);
    const widget = el.querySelector('test-feed-widget')!;
    await settled(widget);
    expect(visibleText(el)).to.equal('');
    expect(widget.checkVisibility()).to.equal(false);
    el.hidden = false;
    await el.updateComplete;
    expect(visibleText(el).trim()).to.equal('1 principles');
  });

  it('fires cl-feed-load on each widget with the feed’s address, not cancelable, bubbling and composed', async () => {
    const url = await mock(uniqueName('load-event'), { body: onePrinciple });
    const events: CustomEvent[] = [];
    const host = await fixture(html`<div @cl-feed-load=${(event: CustomEvent) => events.push(event)}></div>`);
    const provider = Object.assign(document.createElement('cl-feed'), { src: url });
    provider.append(document.createElement('test-feed-widget'), document.createElement('test-feed-widget'));
    host.append(provider);
    await until(() => events.length === 2, 'two cl-feed-load events');
    expect(events.map((event) => event.detail)).to.deep.equal([
      { url, stale: false },
      { url, stale: false },
    ]);
    expect(events.map((event) => [event.target, event.bubbles, event.composed, event.cancelable])).to.deep.equal(
      [...provider.children].map((widget) => [widget, true, true, false]),
    );
  });

  it('fires cl-feed-error with the address and the error code when the feed fails', async () => {
    const url = await mock(uniqueName('error-event'), { status: 503 });
    const errors: CustomEvent[] = [];
    const host = await fixture(html`<div @cl-feed-error=${(event: CustomEvent) => errors.push(event)}></div>`);
    const widget = Object.assign(document.createElement('test-feed-widget'), { src: url, lang: 'cy' });
    host.append(widget);
    await until(() => errors.length, 'cl-feed-error');
    expect(errors.map((event) => [event.detail, event.cancelable])).to.deep.equal([[{ url, code: 'http' }, false]]);
    await widget.updateComplete;
    expect(widget.shadowRoot!.querySelector('[part="error"]')!.textContent).to.include('Nid oedd modd');
    await expectAccessible(widget);
  });

  // Last: a bare <cl-feed> provides the built-in feed, and the tests above check it was never requested.
  it('leaves a bare tag bare, and a bare <cl-feed> provides the built-in feed', async () => {
    const el = await fixture<ClFeed>(html`<cl-feed><test-feed-widget></test-feed-widget></cl-feed>`);
    const widget = el.querySelector<TestFeedWidget>('test-feed-widget')!;
    await settled(widget);
    expect(widget.shadowRoot!.querySelector('.count')!.textContent).to.equal('7 principles');
    expect([el, widget].map((element) => element.getAttributeNames())).to.deep.equal([[], []]);
    expect(builtInRequests()).to.have.length(1);
  });
});
