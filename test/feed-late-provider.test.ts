import { expect, fixture, html } from '@open-wc/testing';
import { mock, requestCount, uniqueName, until } from './harness.js';
import './fixtures/test-feed-widget.js';

// This file must not import <cl-feed> up front: it tests a provider that upgrades after its widgets.
describe('<cl-feed> that upgrades after the widgets inside it', () => {
  it('reaches them through context, and the built-in feed is never fetched', async () => {
    const name = uniqueName('late');
    const url = await mock(name, {
      body: { version: 1, principles: [{ id: 'a', number: 1, title: 'A', summary: 'S' }] },
    });
    const el = await fixture(
      html`<cl-feed src=${url}
        ><section><test-feed-widget></test-feed-widget></section
      ></cl-feed>`,
    );
    const widget = el.querySelector('test-feed-widget')!;
    await widget.updateComplete;
    expect(widget.shadowRoot!.querySelector('[aria-busy="true"]'), 'waits while <cl-feed> is not defined').to.not.equal(
      null,
    );
    const builtInBefore = await requestCount('/feed/built-in.json');

    await import('../src/feed/define.js');
    await until(() => widget.shadowRoot!.querySelector('.count'), 'the provided feed');
    expect(widget.shadowRoot!.querySelector('.count')!.textContent).to.equal('1 principles');
    expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
    expect(await requestCount('/feed/built-in.json')).to.equal(builtInBefore);
  });

  it('switches its widgets when its src changes', async () => {
    const first = await mock(uniqueName('first'), { body: { version: 1 } });
    const second = await mock(uniqueName('second'), {
      body: { version: 1, principles: [1, 2].map((n) => ({ id: `p${n}`, number: n, title: 'T', summary: 'S' })) },
    });
    const el = await fixture<HTMLElement & { src: string }>(
      html`<cl-feed src=${first}><test-feed-widget></test-feed-widget></cl-feed>`,
    );
    const widget = el.querySelector('test-feed-widget')!;
    await until(() => widget.shadowRoot!.querySelector('.count')?.textContent === '0 principles', 'the first feed');
    el.src = second;
    await until(() => widget.shadowRoot!.querySelector('.count')?.textContent === '2 principles', 'the second feed');
  });

  it('lets a widget’s own src win over the provider', async () => {
    const provided = await mock(uniqueName('provided'), { body: { version: 1 } });
    const own = await mock(uniqueName('own'), {
      body: { version: 1, principles: [{ id: 'a', number: 1, title: 'A', summary: 'S' }] },
    });
    const el = await fixture(html`<cl-feed src=${provided}><test-feed-widget src=${own}></test-feed-widget></cl-feed>`);
    const widget = el.querySelector('test-feed-widget')!;
    await until(() => widget.shadowRoot!.querySelector('.count')?.textContent === '1 principles', 'its own feed');
  });
});
