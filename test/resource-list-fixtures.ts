/** Feeds the <cl-resource-list> tests serve through mock(). */
import { RESOURCE_TYPES } from '../src/feed/schema.js';
import { mock, uniqueName, type MockResponse } from './harness.js';

export const topics = [
  { id: 'wellbeing', label: { en: 'Wellbeing', cy: 'Lles' } },
  { id: 'crisis', label: { en: 'Leading in a crisis', cy: 'Arwain mewn argyfwng' } },
  { id: 'teams', label: { en: 'Teams' } },
];

export const resources = [
  {
    id: 'five-myths',
    title: 'Five myths of compassionate leadership',
    summary: { en: 'Common misunderstandings, answered.' },
    url: 'https://www.kingsfund.org.uk/blog/2019/05/five-myths-compassionate-leadership',
    type: 'blog',
    publisher: "The King's Fund",
    published: '2019-05',
    languages: ['en'],
    topics: ['wellbeing'],
  },
  {
    id: 'gwella',
    title: { en: 'Gwella leadership portal', cy: 'Porth arweinyddiaeth Gwella' },
    summary: { en: 'Free leadership resources.', cy: 'Adnoddau arweinyddiaeth am ddim.' },
    url: { en: 'https://nhswalesleadershipportal.heiw.wales/en', cy: 'https://nhswalesleadershipportal.heiw.wales/cy' },
    type: 'website',
    publisher: { en: 'Health Education and Improvement Wales', cy: 'Addysg a Gwella Iechyd Cymru' },
    published: '2021',
    languages: ['en', 'cy'],
    topics: ['teams'],
  },
  {
    id: 'gwyl',
    title: { cy: 'Gŵyl lles y tîm' },
    summary: { cy: 'Pecyn i’r tîm cyfan.' },
    url: 'https://example.org/gwyl',
    type: 'toolkit',
    publisher: { en: 'Social Care Wales', cy: 'Gofal Cymdeithasol Cymru' },
    published: '2022-03-14',
    languages: ['cy'],
    topics: ['wellbeing', 'teams'],
  },
  {
    id: 'caring-to-change',
    title: 'Caring to change',
    summary: 'How compassionate leadership can stimulate innovation.',
    url: 'https://www.kingsfund.org.uk/publications/caring-change',
    type: 'report',
    publisher: "The King's Fund",
    published: '2017-05',
    languages: ['en'],
    topics: ['crisis'],
  },
  {
    id: 'check-ins',
    title: 'A guide to team check-ins',
    url: 'guides/check-ins.html',
    type: 'guide',
    languages: ['en'],
  },
];

export const feed = { version: 1, topics, resources };

/** `count` generated resources, numbered from 1, newest first by number. */
export function generatedFeed(count: number) {
  return {
    version: 1,
    topics,
    resources: Array.from({ length: count }, (_, i) => ({
      id: `r-${i + 1}`,
      title: `Resource ${i + 1}`,
      url: `https://example.org/r/${i + 1}`,
      type: RESOURCE_TYPES[i % RESOURCE_TYPES.length],
      published: new Date(Date.UTC(2000, 0, 1 + i)).toISOString().slice(0, 10),
      languages: ['en'],
    })),
  };
}

/** Serves `body` (default: the fixture feed) at a fresh mock address. */
export function serve(body: unknown = feed, ...more: MockResponse[]): Promise<string> {
  return mock(uniqueName('resource-list'), { body }, ...more);
}
