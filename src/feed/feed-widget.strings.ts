import { defineStrings } from '../i18n/strings.js';

/** The loading, error and stale states every feed widget shows. */
export const feedStateStrings = defineStrings({
  loading: { en: 'Loading…', cy: 'Wrthi’n llwytho…', cyReviewed: false },
  retry: { en: 'Try again', cy: 'Rhoi cynnig arall arni', cyReviewed: false },
  errorTitle: { en: 'This content could not be loaded', cy: 'Nid oedd modd llwytho’r cynnwys hwn', cyReviewed: false },
  network: {
    en: 'The content server could not be reached. Check your connection and try again.',
    cy: 'Nid oedd modd cyrraedd gweinydd y cynnwys. Gwiriwch eich cysylltiad a rhowch gynnig arall arni.',
    cyReviewed: false,
  },
  timeout: {
    en: 'The content server took too long to answer.',
    cy: 'Cymerodd gweinydd y cynnwys ormod o amser i ateb.',
    cyReviewed: false,
  },
  http: {
    en: (status: number) => `The content server answered with an error (${status}).`,
    cy: (status: number) => `Atebodd gweinydd y cynnwys gyda gwall (${status}).`,
    cyReviewed: false,
  },
  'not-json': {
    en: 'The content file is not valid JSON.',
    cy: 'Nid yw’r ffeil cynnwys yn JSON dilys.',
    cyReviewed: false,
  },
  'too-large': {
    en: 'The content file is too large (over 2 MB).',
    cy: 'Mae’r ffeil cynnwys yn rhy fawr (dros 2 MB).',
    cyReviewed: false,
  },
  'not-object': { en: 'The content file is not a feed.', cy: 'Nid ffrwd yw’r ffeil cynnwys.', cyReviewed: false },
  // “fersiwn” is feminine: “fersiwn fwy newydd”.
  version: {
    en: 'The content file is a newer version than this widget can read.',
    cy: 'Mae’r ffeil cynnwys yn fersiwn fwy newydd nag y gall y teclyn hwn ei darllen.',
    cyReviewed: false,
  },
  'no-feed': { en: 'No content address was given.', cy: 'Ni roddwyd cyfeiriad cynnwys.', cyReviewed: false },
  stale: {
    en: (date: string) => `You are seeing a saved copy from ${date}: the latest content could not be loaded.`,
    cy: (date: string) => `Rydych chi’n gweld copi a gadwyd ar ${date}: nid oedd modd llwytho’r cynnwys diweddaraf.`,
    cyReviewed: false,
  },
});
