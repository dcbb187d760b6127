// What Node code imports from the package loads without a DOM: the feed API (a partner's build validating its feed)
// and each widget's class module. Only defining the elements (the package's index and `components/*` entries) needs
// a browser.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';

const dist = new URL('../../dist/', import.meta.url);

test('the feed API loads in Node, without a DOM, and validates a feed', async () => {
  assert.equal(globalThis.HTMLElement, undefined, 'this test needs Node without a DOM');
  const feed = await import(new URL('feed/index.js', dist).href);
  const { feed: read, problems } = feed.validateFeed({ version: 1, principles: [{ id: 'p1' }] });
  assert.deepEqual(read.principles, []);
  assert.equal(problems.length > 0, true, 'the bad principle is reported');
});

test("each widget's class module loads in Node, without a DOM", async () => {
  const widgets = readdirSync(new URL('components/', dist));
  assert.ok(widgets.length >= 4);
  for (const widget of widgets) {
    const module = await import(new URL(`components/${widget}/${widget}.js`, dist).href);
    assert.ok(
      Object.values(module).some((value) => typeof value === 'function'),
      `${widget}: exports its class`,
    );
  }
});
