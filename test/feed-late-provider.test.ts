import { expect, fixture, html } from '@open-wc/testing';
import { mock, requestCount, uniqueName, until } from './harness.js';
import './fixtures/test-feed-widget.js';

// This file must not import <cl-feed> up front: the widget inside an undefined <cl-feed> loads it.
describe('<cl-feed> that is not defined when the widgets inside it connect', () => {
  it('is loaded by the widget, reaches it through context, and the built-in feed is never fetched', async () => {
    const name = uniqueName('late');
    const url = await mock(name, {
      body: { version: 1, principles: [{ id: 'a', number: 1, title: 'A', summary: 'S' }] },
    });
    expect(customElements.get('cl-feed'), 'not defined before the test').to.equal(undefined);
    const el = await fixture(
      html`<cl-feed src=${url}
        ><section><test-feed-widget></test-feed-widget></section
      ></cl-feed>`,
    );
    const widget = el.querySelector('test-feed-widget')!;
    await until(() => widget.shadowRoot!.querySelector('.count'), 'the provided feed');
    expect(widget.shadowRoot!.querySelector('.count')!.textContent).to.equal('1 principles');
    expect(customElements.get('cl-feed')).to.be.a('function');
    expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
    const builtIn = performance.getEntriesByType('resource').filter((t) => t.name.endsWith('/feed/built-in.json'));
    expect(builtIn.map((t) => t.name)).to.deep.equal([]);
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
