import { defineStrings } from '../i18n/strings.js';

/** The feed preview's words. Validation messages come from the schema, in English. */
export const previewStrings = defineStrings({
  title: { en: 'Feed preview', cy: 'Rhagolwg o’r ffrwd', cyReviewed: false },
  intro: {
    en: 'Check a content feed before it is published: its problems, its Welsh, and every widget showing it in English and Welsh. A file you choose or paste is read in this browser only: nothing is uploaded.',
    cy: 'Gwiriwch ffrwd gynnwys cyn ei chyhoeddi: ei phroblemau, ei Chymraeg, a phob teclyn yn ei dangos yn Saesneg ac yn Gymraeg. Dim ond yn y porwr hwn y caiff ffeil a ddewiswch neu a ludwch ei darllen: nid oes dim yn cael ei lwytho i fyny.',
    cyReviewed: false,
  },
  file: { en: 'Feed file (JSON), or drop it here', cy: 'Ffeil y ffrwd (JSON), neu ei gollwng yma', cyReviewed: false },
  paste: { en: 'Or paste the feed', cy: 'Neu ludo’r ffrwd', cyReviewed: false },
  checkPasted: { en: 'Check the pasted feed', cy: 'Gwirio’r ffrwd a ludwyd', cyReviewed: false },
  address: { en: 'Or the feed’s address', cy: 'Neu gyfeiriad y ffrwd', cyReviewed: false },
  load: { en: 'Load and check', cy: 'Llwytho a gwirio', cyReviewed: false },
  checking: { en: 'Checking…', cy: 'Wrthi’n gwirio…', cyReviewed: false },
  notJson: {
    en: 'This is not valid JSON, so it cannot be read as a feed.',
    cy: 'Nid yw hwn yn JSON dilys, felly nid oes modd ei ddarllen fel ffrwd.',
    cyReviewed: false,
  },
  tooLarge: { en: 'The file is too large (over 2 MB).', cy: 'Mae’r ffeil yn rhy fawr (dros 2 MB).', cyReviewed: false },
  loadFailed: {
    en: (reason: string) => `The feed could not be loaded: ${reason}`,
    cy: (reason: string) => `Nid oedd modd llwytho’r ffrwd: ${reason}`,
    cyReviewed: false,
  },
  unreadable: { en: 'The feed cannot be read:', cy: 'Nid oes modd darllen y ffrwd:', cyReviewed: false },
  problems: { en: 'Problems', cy: 'Problemau', cyReviewed: false },
  problemCount: {
    en: {
      one: '{n} problem: that part is left out, the rest is shown.',
      other: '{n} problems: those parts are left out, the rest is shown.',
    },
    cy: {
      zero: '{n} problem.',
      one: '{n} broblem: gadewir y rhan honno allan, dangosir y gweddill.',
      two: '{n} broblem: gadewir y rhannau hynny allan, dangosir y gweddill.',
      few: '{n} problem: gadewir y rhannau hynny allan, dangosir y gweddill.',
      many: '{n} problem: gadewir y rhannau hynny allan, dangosir y gweddill.',
      other: '{n} problem: gadewir y rhannau hynny allan, dangosir y gweddill.',
    },
    cyReviewed: false,
  },
  noProblems: { en: 'No problems found.', cy: 'Ni chafwyd hyd i broblemau.', cyReviewed: false },
  item: {
    en: (section: string, n: number) => `${section}, item ${n}`,
    cy: (section: string, n: number) => `${section}, eitem ${n}`,
    cyReviewed: false,
  },
  field: { en: 'field', cy: 'maes', cyReviewed: false },
  topics: { en: 'Topics', cy: 'Pynciau', cyReviewed: false },
  principles: { en: 'Principles', cy: 'Egwyddorion', cyReviewed: false },
  behaviours: { en: 'Behaviours', cy: 'Ymddygiadau', cyReviewed: false },
  films: { en: 'Films', cy: 'Ffilmiau', cyReviewed: false },
  resources: { en: 'Resources', cy: 'Adnoddau', cyReviewed: false },
  contact: { en: 'Contact', cy: 'Cyswllt', cyReviewed: false },
  feed: { en: 'Feed', cy: 'Ffrwd', cyReviewed: false },
  welsh: { en: 'Welsh coverage', cy: 'Cwmpas y Gymraeg', cyReviewed: false },
  complete: {
    en: (section: string, complete: number, items: number) => `${section}: ${complete} of ${items} complete in Welsh.`,
    cy: (section: string, complete: number, items: number) =>
      `${section}: ${complete} o ${items} yn gyflawn yn Gymraeg.`,
    cyReviewed: false,
  },
  missingWelsh: { en: 'No Welsh for:', cy: 'Dim Cymraeg ar gyfer:', cyReviewed: false },
  untitled: { en: '(no title)', cy: '(dim teitl)', cyReviewed: false },
  widgets: { en: 'The widgets with this feed', cy: 'Y teclynnau gyda’r ffrwd hon', cyReviewed: false },
  english: { en: 'English', cy: 'Saesneg', cyReviewed: false },
  welshLanguage: { en: 'Welsh', cy: 'Cymraeg', cyReviewed: false },
});
