import { expect } from '@open-wc/testing';
import { normalise, textMatch } from '../src/components/resource-list/resource-list.lazy.js';
import { findResources, resourceIndex, type ResourceQuery } from '../src/components/resource-list/resource-search.js';
import { validateFeed } from '../src/feed/validate.js';
import { feed as fixture, generatedFeed } from './resource-list-fixtures.js';

const all: ResourceQuery = { type: '', topic: '', resourceLang: '', sort: 'newest', limit: 0, language: 'en' };

describe('resource search', () => {
  it('folds case, accents and curly apostrophes', () => {
    expect(normalise('Gŵyl LLES')).to.equal('gwyl lles');
    expect(normalise('Pecyn i’r tîm')).to.equal("pecyn i'r tim");
    expect(normalise('Plain ASCII Text')).to.equal('plain ascii text');
  });

  it('builds the index once per feed object, not per search', () => {
    const feed = validateFeed(fixture).feed!;
    const index = resourceIndex(feed);
    expect(resourceIndex(feed)).to.equal(index);
    findResources(index, all, textMatch(index, 'lles'));
    expect(resourceIndex({ ...feed })).to.equal(index);
    expect(resourceIndex(validateFeed(fixture).feed!)).to.not.equal(index);
    expect(index.types).to.deep.equal(['blog', 'toolkit', 'report', 'guide', 'website']);
    expect(index.topics.map((t) => t.id)).to.deep.equal(['wellbeing', 'crisis', 'teams']);
  });

  // How fast this is at 10,000 lives in the benchmark (npm run bench resource-list), not in a timed test.
  it('finds one resource among 10,000 by its words', () => {
    const index = resourceIndex(validateFeed(generatedFeed(10_000)).feed!);
    expect(findResources(index, all)).to.have.length(10_000);
    expect(findResources(index, all, textMatch(index, 'resource 4821')).map((r) => r.id)).to.deep.equal(['r-4821']);
  });
});
