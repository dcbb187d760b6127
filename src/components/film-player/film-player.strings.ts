import { defineStrings } from '../../i18n/strings.js';

/** Every UI string of <cl-film-player>, English and Welsh. */
export const filmPlayerStrings = defineStrings({
  play: { en: 'Play', cy: 'Chwarae', cyReviewed: false },
  length: { en: 'Length', cy: 'Hyd', cyReviewed: false },
  speakers: { en: 'Speakers', cy: 'Siaradwyr', cyReviewed: false },
  forget: {
    en: (provider: string) => `Forget my choice for ${provider}`,
    cy: (provider: string) => `Anghofio fy newis ar gyfer ${provider}`,
    cyReviewed: false,
  },
  watchElsewhere: { en: 'Where to watch the films', cy: 'Ble i wylio’r ffilmiau', cyReviewed: false },
  watchPage: {
    en: 'Watch this film on the page that hosts it',
    cy: 'Gwylio’r ffilm hon ar y dudalen sy’n ei chynnal',
    cyReviewed: false,
  },
  loadFailed: {
    en: 'The player could not be loaded. Press Play to try again.',
    cy: 'Nid oedd modd llwytho’r chwaraewr. Pwyswch Chwarae i geisio eto.',
    cyReviewed: false,
  },
  watchElsewhereOne: { en: 'Watch the film elsewhere', cy: 'Gwylio’r ffilm yn rhywle arall', cyReviewed: false },
  noSource: { en: 'This film cannot be played here.', cy: 'Nid oes modd chwarae’r ffilm hon yma.', cyReviewed: false },
  unknownProvider: {
    en: (provider: string) => `This film is on a service this player does not know (${provider}).`,
    cy: (provider: string) => `Mae’r ffilm hon ar wasanaeth nad yw’r chwaraewr hwn yn ei adnabod (${provider}).`,
    cyReviewed: false,
  },
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
