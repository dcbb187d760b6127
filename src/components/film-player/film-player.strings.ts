import { defineStrings } from '../../i18n/strings.js';

/** Every UI string of <cl-film-player>, English and Welsh. */
export const filmPlayerStrings = defineStrings({
  play: { en: 'Play', cy: 'Chwarae', cyReviewed: false },
  length: { en: 'Length', cy: 'Hyd', cyReviewed: false },
  speakers: { en: 'Speakers', cy: 'Siaradwyr', cyReviewed: false },
  notice: {
    en: (provider: string) =>
      `This film is on ${provider}, which may set cookies and collect data about you if you play it here.`,
    cy: (provider: string) =>
      `Mae’r ffilm hon ar ${provider}, a allai osod cwcis a chasglu data amdanoch os byddwch yn ei chwarae yma.`,
    cyReviewed: false,
  },
  playFilm: { en: 'Play film', cy: 'Chwarae’r ffilm', cyReviewed: false },
  remember: {
    en: (provider: string) => `Remember my choice for ${provider}`,
    cy: (provider: string) => `Cofio fy newis ar gyfer ${provider}`,
    cyReviewed: false,
  },
  forget: {
    en: (provider: string) => `Forget my choice for ${provider}`,
    cy: (provider: string) => `Anghofio fy newis ar gyfer ${provider}`,
    cyReviewed: false,
  },
  watchElsewhere: { en: 'Where to watch the films', cy: 'Ble i wylio’r ffilmiau', cyReviewed: false },
  watchOn: {
    en: (provider: string) => `Watch on ${provider} instead`,
    cy: (provider: string) => `Gwylio ar ${provider} yn lle hynny`,
    cyReviewed: false,
  },
  watchPage: {
    en: 'Watch this film on the page that hosts it',
    cy: 'Gwylio’r ffilm hon ar y dudalen sy’n ei chynnal',
    cyReviewed: false,
  },
  noSource: { en: 'This film cannot be played here.', cy: 'Nid oes modd chwarae’r ffilm hon yma.', cyReviewed: false },
  unknownProvider: {
    en: (provider: string) => `This film is on a service this player does not know (${provider}).`,
    cy: (provider: string) => `Mae’r ffilm hon ar wasanaeth nad yw’r chwaraewr hwn yn ei adnabod (${provider}).`,
    cyReviewed: false,
  },
  fileFailed: {
    en: 'The film file could not be played.',
    cy: 'Nid oedd modd chwarae ffeil y ffilm.',
    cyReviewed: false,
  },
  download: { en: 'Open the film file', cy: 'Agor ffeil y ffilm', cyReviewed: false },
  unknownFilm: {
    en: (id: string) => `There is no film “${id}” in this feed.`,
    cy: (id: string) => `Nid oes ffilm “${id}” yn y ffrwd hon.`,
    cyReviewed: false,
  },
  noFilms: { en: 'There are no films yet.', cy: 'Nid oes ffilmiau eto.', cyReviewed: false },
  films: {
    en: { one: '{n} film', other: '{n} films' },
    cy: {
      zero: '{n} ffilm',
      one: '{n} ffilm',
      two: '{n} ffilm',
      few: '{n} ffilm',
      many: '{n} ffilm',
      other: '{n} ffilm',
    },
    cyReviewed: false,
  },
  transcript: { en: 'Transcript', cy: 'Trawsgrifiad', cyReviewed: false },
});
