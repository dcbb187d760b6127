import { expect } from '@open-wc/testing';
import { feedEntryFromData, type FeedState } from '../src/feed/store.js';
import { filmSections } from '../src/feed/sections/films.js';
import { useSections } from '../src/feed/validate-sections.js';
import { mock, openEntryPage, requestCount, uniqueName, until } from './harness.js';

/*
 * A page validates only the feed sections its widgets show (each widget names its own, src/feed/sections/). A
 * widget created after its feed was read gets its sections read from the same copy: no second request, and the
 * widgets already showing it are not told of a second load.
 */

const feed = {
  version: 1,
  films: [
    { id: 'good-film', title: 'A good film' },
    { id: 'Bad Id', title: 'A film with a bad id' },
  ],
  resources: [{ id: 'r', title: 'A resource', url: 'https://example.org/r', type: 'article', languages: ['en'] }],
};

type Ready = Extract<FeedState, { status: 'ready' }>;

describe('feed sections: each page validates what its widgets show', () => {
  it('reads no section before a widget asks for it, then reads it from the same copy, once, quietly', () => {
    // This file's page has created no widget: only topics are read.
    const entry = feedEntryFromData(feed, 'https://cdn.example/feed.json');
    const before = entry.state as Ready;
    expect(before.status).to.equal('ready');
    expect(before.feed.films).to.deep.equal([]);
    expect(before.problems).to.deep.equal([]);
    const seen: FeedState[] = [];
    entry.subscribe((state) => seen.push(state));

    useSections(filmSections);
    expect(seen).to.have.length(1);
    const after = entry.state as Ready;
    expect(after).to.equal(seen[0]);
    expect(after.widened, 'marked as the same copy read again').to.equal(true);
    expect(after.feed.films.map((film) => film.id)).to.deep.equal(['good-film']);
    expect(after.problems.map((problem) => problem.path)).to.deep.equal(['films[1].id']);
    expect(after.feed.resources, 'a section no widget asked for is still not read').to.deep.equal([]);

    useSections(filmSections);
    expect(seen, 'sections already read are not read again').to.have.length(1);
  });

  it('reads a feed given in memory even when it is nothing at all (an error, never a request)', () => {
    const entry = feedEntryFromData(undefined, `${location.origin}/never-requested.json`);
    expect(entry.state).to.deep.include({ status: 'error', code: 'not-object' });
    entry.reload();
    expect(entry.state.status).to.equal('error');
    expect(performance.getEntriesByType('resource').map((timing) => timing.name)).to.not.include(
      `${location.origin}/never-requested.json`,
    );
  });
});

describe('feed sections: a second widget entry loaded after the feed was read', () => {
  it('shows its own section from the copy already read; the first widget is not told of a second load', async () => {
    const name = uniqueName('sections-late-entry');
    const url = await mock(name, { body: feed });
    const { frame, page } = await openEntryPage('resource-list', url);
    try {
      await until(() => page.feedEvents?.length, 'the resource list reads its feed');
      const list = page.document.querySelector('cl-resource-list')!;
      await until(() => list.shadowRoot?.textContent?.includes('A resource'), 'the resource list shows its resource');

      // The film player's entry loads only now, after the feed was read for the resource list alone.
      const player = page.document.createElement('cl-film-player');
      page.document.querySelector('cl-feed')!.append(player);
      const script = Object.assign(page.document.createElement('script'), {
        type: 'module',
        src: '/dist/cdn/film-player.js',
      });
      page.document.body.append(script);
      await until(() => player.shadowRoot?.textContent?.includes('A good film'), 'the film player shows its film');

      expect(page.feedEvents, 'one cl-feed-load per widget').to.deep.equal([
        { type: 'cl-feed-load', url, stale: false },
        { type: 'cl-feed-load', url, stale: false },
      ]);
      expect(list.shadowRoot!.textContent).to.include('A resource');
      expect(await requestCount(`/__test__/mock/${name}`)).to.equal(1);
    } finally {
      frame.remove();
    }
  });
});
