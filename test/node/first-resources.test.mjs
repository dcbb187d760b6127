// A long resource list is read in two steps (src/feed/sections/resources.ts): its first items must be exactly the
// whole list's newest, whatever the feed's order, equal dates or invalid items.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { validateSections } from '../../dist/feed/validate-sections.js';
import { FIRST_RESOURCES, resourceSections } from '../../dist/feed/sections/resources.js';
import { newestFirst } from '../../dist/components/resource-list/resource-search.js';

/** A seeded generator, so a failure names a feed that can be made again. */
function random(seed) {
  let state = seed;
  return () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
}

/** `count` resources in a shuffled order, with few distinct dates (many equal), some undated and some invalid. */
function shuffledFeed(count, seed) {
  const next = random(seed);
  const resources = Array.from({ length: count }, (_, i) => {
    const resource = {
      id: `r-${i}`,
      title: `R ${i}`,
      url: `https://example.org/${i}`,
      type: 'guide',
      languages: ['en'],
    };
    const roll = next();
    if (roll < 0.1) return resource;
    if (roll < 0.15) return { ...resource, type: 'pamphlet' };
    if (roll < 0.18) return { ...resource, published: 'yesterday' };
    return { ...resource, published: `20${10 + Math.floor(next() * 15)}-0${1 + Math.floor(next() * 3)}` };
  });
  return { version: 1, resources };
}

const order = (resources) => [...resources].sort(newestFirst).map((resource) => resource.id);

for (const [count, seed] of [
  [150, 1],
  [400, 2],
  [1_000, 3],
  [FIRST_RESOURCES + 1, 4],
]) {
  test(`${count} shuffled resources (seed ${seed}): the first items are the whole list's newest, in the feed's order`, () => {
    const feed = shuffledFeed(count, seed);
    const whole = validateSections(feed, resourceSections, false);
    const first = validateSections(feed, resourceSections, false, true);
    assert.deepEqual(first.partial, { resources: count });
    // As many as there are valid ones, up to FIRST_RESOURCES (101 with some invalid: fewer).
    assert.equal(first.feed.resources.length, Math.min(FIRST_RESOURCES, whole.feed.resources.length));
    // What the list shows first (newest first) is the whole list's beginning, equal dates included.
    assert.deepEqual(order(first.feed.resources), order(whole.feed.resources).slice(0, FIRST_RESOURCES));
    // Kept in the feed's order, as every reading of a list is.
    const position = new Map(feed.resources.map((resource, index) => [resource.id, index]));
    const indexes = first.feed.resources.map((resource) => position.get(resource.id));
    assert.deepEqual(
      indexes,
      [...indexes].sort((a, b) => a - b),
    );
    // Problems are reported once, with the whole list.
    assert.ok(whole.problems.length > 0);
    assert.deepEqual(first.problems, []);
  });
}

test('a list of FIRST_RESOURCES or fewer, or a reading that is not the first, is read whole', () => {
  const feed = shuffledFeed(FIRST_RESOURCES, 5);
  const short = validateSections(feed, resourceSections, false, true);
  assert.equal(short.partial, undefined);
  assert.deepEqual(short, validateSections(feed, resourceSections, false));
  const long = shuffledFeed(300, 6);
  assert.equal(validateSections(long, resourceSections, false).partial, undefined);
});
