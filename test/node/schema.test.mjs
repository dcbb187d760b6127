// The runtime validation and the published JSON Schema come from one
// definition; these fixtures prove they agree, rule by rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { validateFeed } from '../../dist/feed/validate.js';

const schema = JSON.parse(readFileSync(new URL('../../dist/feed.schema.json', import.meta.url), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
const jsonSchemaValid = ajv.compile(schema);

const principle = { id: 'direction', number: 1, title: 'Agreeing direction', summary: { en: 'Agree goals early.' } };
const resource = {
  id: 'myths',
  title: 'Five myths of compassionate leadership',
  url: 'https://www.kingsfund.org.uk/blog/2019/05/five-myths-compassionate-leadership',
  type: 'blog',
  languages: ['en'],
  published: '2019-05',
};
const feed = (extra) => ({ version: 1, ...extra });

/** [name, feed, the paths the runtime must report (empty: valid)] */
const fixtures = [
  ['a minimal feed', feed({}), []],
  ['a principle with English and Welsh', feed({ principles: [{ ...principle, title: { en: 'A', cy: 'B' } }] }), []],
  ['Welsh only text', feed({ principles: [{ ...principle, title: { cy: 'Cytuno ar gyfeiriad' } }] }), []],
  ['text with neither language', feed({ principles: [{ ...principle, title: {} }] }), ['principles[0].title']],
  ['empty text', feed({ principles: [{ ...principle, summary: '   ' }] }), ['principles[0].summary']],
  ['a number below 1', feed({ principles: [{ ...principle, number: 0 }] }), ['principles[0].number']],
  ['a fractional number', feed({ principles: [{ ...principle, number: 1.5 }] }), ['principles[0].number']],
  ['a bad id', feed({ principles: [{ ...principle, id: 'Bad Id' }] }), ['principles[0].id']],
  ['a safe resource', feed({ resources: [resource] }), []],
  ['a relative address', feed({ resources: [{ ...resource, url: 'docs/guide.html' }] }), []],
  [
    'mailto and tel',
    feed({
      resources: [
        { ...resource, url: 'mailto:a@example.org' },
        { ...resource, id: 't', url: 'TEL:0300' },
      ],
    }),
    [],
  ],
  ['a javascript: address', feed({ resources: [{ ...resource, url: 'javascript:alert(1)' }] }), ['resources[0].url']],
  [
    'a JavaScript: address in mixed case',
    feed({ resources: [resource, { ...resource, url: 'JaVaScRiPt:alert(1)' }] }),
    ['resources[1].url'],
  ],
  [
    'a script address with a newline',
    feed({ resources: [{ ...resource, url: 'java\nscript:alert(1)' }] }),
    ['resources[0].url'],
  ],
  ['a data: address', feed({ resources: [{ ...resource, url: 'data:text/html,x' }] }), ['resources[0].url']],
  [
    'a vbscript: address per language',
    feed({ resources: [{ ...resource, url: { en: 'https://a.example', cy: 'vbscript:x' } }] }),
    ['resources[0].url.cy'],
  ],
  ['an unknown resource type', feed({ resources: [{ ...resource, type: 'pamphlet' }] }), ['resources[0].type']],
  ['no resource language', feed({ resources: [{ ...resource, languages: [] }] }), ['resources[0].languages']],
  ['a day-precise date', feed({ resources: [{ ...resource, published: '2022-11-07' }] }), []],
  ['an impossible month', feed({ resources: [{ ...resource, published: '2022-13' }] }), ['resources[0].published']],
  [
    'a YouTube film',
    feed({ films: [{ id: 'f', title: 'F', source: { provider: 'youtube', id: 'FAKEid_0001' } }] }),
    [],
  ],
  [
    'a bad YouTube id',
    feed({ films: [{ id: 'f', title: 'F', source: { provider: 'youtube', id: 'x' } }] }),
    ['films[0].source.id'],
  ],
  [
    'a self-hosted film',
    feed({
      films: [
        {
          id: 'f',
          title: 'F',
          source: { provider: 'file', files: [{ src: 'media/a.webm', type: 'video/webm' }] },
          captions: [{ lang: 'cy', src: 'media/a.cy.vtt' }],
        },
      ],
    }),
    [],
  ],
  [
    'a film file with no files',
    feed({ films: [{ id: 'f', title: 'F', source: { provider: 'file', files: [] } }] }),
    ['films[0].source.files'],
  ],
  [
    'a mailto: film file',
    feed({
      films: [
        {
          id: 'f',
          title: 'F',
          source: { provider: 'file', files: [{ src: 'mailto:a@example.org', type: 'video/webm' }] },
        },
      ],
    }),
    ['films[0].source.files[0].src'],
  ],
  [
    'a tel: caption track and poster',
    feed({ films: [{ id: 'f', title: 'F', poster: 'TEL:1', captions: [{ lang: 'en', src: 'tel:0300' }] }] }),
    ['films[0].poster', 'films[0].captions[0].src'],
  ],
  ['an unknown provider is kept', feed({ films: [{ id: 'f', title: 'F', source: { provider: 'peertube' } }] }), []],
  [
    'captions in an unknown language',
    feed({ films: [{ id: 'f', title: 'F', captions: [{ lang: 'fr', src: 'a.vtt' }] }] }),
    ['films[0].captions[0].lang'],
  ],
  ['a contact with a bad email', feed({ contact: { email: 'not an email' } }), ['contact.email']],
  ['a contact endpoint', feed({ contact: { endpoint: '/api/contact', phone: '0300 3033 444' } }), []],
  ['a section that is not a list', feed({ resources: {} }), ['resources']],
  ['a bad update date', feed({ updated: 'yesterday' }), ['updated']],
  [
    'sources: an https page, or one per language, on principles, practice points, behaviours, films and resources',
    feed({
      principles: [
        {
          ...principle,
          source: { en: 'https://a.example/p', cy: 'https://b.example/e' },
          practice: ['Plain text stays valid.', { text: { en: 'A', cy: 'B' }, source: 'https://a.example/p' }],
        },
      ],
      behaviours: [{ id: 'attending', title: 'Attending', source: 'https://a.example/f' }],
      films: [{ id: 'f', title: 'F', sourcePage: 'https://a.example/f' }],
      resources: [{ ...resource, source: resource.url }],
    }),
    [],
  ],
  [
    'a source that is not https (http, mailto, a script, relative)',
    feed({
      principles: [{ ...principle, source: 'http://a.example/p' }],
      behaviours: [{ id: 'attending', title: 'Attending', source: { en: 'https://a.example', cy: 'mailto:a@b.cy' } }],
      films: [{ id: 'f', title: 'F', sourcePage: 'javascript:alert(1)' }],
      resources: [{ ...resource, source: 'docs/page.html' }],
    }),
    ['principles[0].source', 'behaviours[0].source.cy', 'films[0].sourcePage', 'resources[0].source'],
  ],
  [
    'a practice point object without text, or with a bad source',
    feed({
      principles: [
        { ...principle, practice: [{ source: 'https://a.example' }] },
        { ...principle, id: 'b', practice: [{ text: 'T', source: 'https://a example' }] },
      ],
    }),
    ['principles[0].practice[0]', 'principles[1].practice[0].source'],
  ],
];

for (const [name, data, paths] of fixtures) {
  test(`${name}: runtime and JSON Schema agree`, () => {
    const runtime = validateFeed(data);
    assert.deepEqual(
      runtime.problems.map((p) => p.path),
      paths,
    );
    assert.equal(jsonSchemaValid(data), paths.length === 0, JSON.stringify(jsonSchemaValid.errors));
  });
}

test('the validated feed holds every practice point as { text, source? }', () => {
  const data = feed({
    principles: [
      { ...principle, practice: ['Plain.', { cy: 'Cymraeg.' }, { text: 'Sourced.', source: 'https://a.example' }] },
    ],
  });
  assert.deepEqual(validateFeed(data).feed.principles[0].practice, [
    { text: 'Plain.' },
    { text: { cy: 'Cymraeg.' } },
    { text: 'Sourced.', source: 'https://a.example' },
  ]);
});

test('an unsafe address is reported in plain words with its path, and the resource kept unlinked', () => {
  const { problems, feed: kept } = validateFeed(
    feed({ resources: [resource, { ...resource, id: 'bad', url: 'JAVASCRIPT:alert(1)' }] }),
  );
  assert.deepEqual(problems, [{ path: 'resources[1].url', message: 'not a safe address (https, http, mailto, tel)' }]);
  // Kept without its address, so the resource list can show it unlinked; the problem is still reported.
  assert.deepEqual(
    kept.resources.map((r) => [r.id, r.url]),
    [
      ['myths', resource.url],
      ['bad', undefined],
    ],
  );
});

test('a resource with any other fault besides its address is skipped', () => {
  const { feed: kept } = validateFeed(feed({ resources: [{ ...resource, url: 'javascript:x', type: 'pamphlet' }] }));
  assert.deepEqual(kept.resources, []);
});

test('an unknown version is refused as a whole, in plain words', () => {
  const result = validateFeed({ version: 2, principles: [principle] });
  assert.equal(result.feed, undefined);
  assert.equal(result.fatal.code, 'version');
  assert.match(result.fatal.message, /version is 2; this library reads version 1/);
  assert.equal(jsonSchemaValid({ version: 2 }), false);
});

test('a value that is not an object is refused', () => {
  for (const value of [null, [], 'feed', 3]) {
    assert.equal(validateFeed(value).fatal.code, 'not-object');
    assert.equal(jsonSchemaValid(value), false);
  }
});

test('__proto__ keys never reach the validated feed', () => {
  const data = JSON.parse(
    '{"version":1,"principles":[{"id":"p","number":1,"title":"T","summary":"S","__proto__":{"polluted":true}}]}',
  );
  const { feed: kept } = validateFeed(data);
  assert.equal(Object.prototype.hasOwnProperty.call(kept.principles[0], '__proto__'), false);
  assert.equal({}.polluted, undefined);
});
