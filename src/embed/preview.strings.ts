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
  sources: { en: 'Sources', cy: 'Ffynonellau', cyReviewed: false },
  sourcesIntro: {
    en: 'The public page each item’s facts were taken from, so they can be checked again. Readers do not see this.',
    cy: 'Y dudalen gyhoeddus y cymerwyd ffeithiau pob eitem ohoni, fel bod modd eu gwirio eto. Nid yw darllenwyr yn gweld hyn.',
    cyReviewed: false,
  },
  withoutSource: {
    en: { one: '{n} item without a source.', other: '{n} items without a source.' },
    cy: {
      zero: '{n} eitem heb ffynhonnell.',
      one: '{n} eitem heb ffynhonnell.',
      two: '{n} eitem heb ffynhonnell.',
      few: '{n} eitem heb ffynhonnell.',
      many: '{n} eitem heb ffynhonnell.',
      other: '{n} eitem heb ffynhonnell.',
    },
    cyReviewed: false,
  },
  noSource: { en: 'no source', cy: 'dim ffynhonnell', cyReviewed: false },
  practiceItem: {
    en: (n: number) => `Practice item ${n}`,
    cy: (n: number) => `Eitem ymarfer ${n}`,
    cyReviewed: false,
  },
  widgets: { en: 'The widgets with this feed', cy: 'Y teclynnau gyda’r ffrwd hon', cyReviewed: false },
  english: { en: 'English', cy: 'Saesneg', cyReviewed: false },
  welshLanguage: { en: 'Welsh', cy: 'Cymraeg', cyReviewed: false },
  localTitle: { en: 'Check a local layer', cy: 'Gwirio haen leol', cyReviewed: false },
  localIntro: {
    en: 'A local layer is your organisation’s own feed, shown with the national one: its items are added, an item with a national item’s id replaces it, and its “hide” list hides national items. Paste it to see what it changes and the widgets showing both feeds.',
    cy: 'Haen leol yw ffrwd eich sefydliad eich hun, a ddangosir gyda’r un genedlaethol: ychwanegir ei heitemau, mae eitem sydd â’r un id ag eitem genedlaethol yn ei disodli, ac mae ei rhestr “hide” yn cuddio eitemau cenedlaethol. Gludwch hi i weld beth mae’n ei newid a’r teclynnau’n dangos y ddwy ffrwd.',
    cyReviewed: false,
  },
  localPaste: { en: 'Your local layer (JSON)', cy: 'Eich haen leol (JSON)', cyReviewed: false },
  nationalAddress: {
    en: 'The national feed’s address',
    cy: 'Cyfeiriad y ffrwd genedlaethol',
    cyReviewed: false,
  },
  checkLayer: { en: 'Check the layer', cy: 'Gwirio’r haen', cyReviewed: false },
  nationalFailed: {
    en: (reason: string) => `The national feed could not be loaded: ${reason}`,
    cy: (reason: string) => `Nid oedd modd llwytho’r ffrwd genedlaethol: ${reason}`,
    cyReviewed: false,
  },
  nationalUnreadable: {
    en: 'The national feed cannot be read:',
    cy: 'Nid oes modd darllen y ffrwd genedlaethol:',
    cyReviewed: false,
  },
  layerEffects: { en: 'What the layer changes', cy: 'Beth mae’r haen yn ei newid', cyReviewed: false },
  layerSummary: {
    en: (added: number, replaced: number, hidden: number) =>
      `National items replaced: ${replaced}. Hidden: ${hidden}. Local items added: ${added}.`,
    cy: (added: number, replaced: number, hidden: number) =>
      `Eitemau cenedlaethol wedi’u disodli: ${replaced}. Wedi’u cuddio: ${hidden}. Eitemau lleol wedi’u hychwanegu: ${added}.`,
    cyReviewed: false,
  },
  replaces: {
    en: (section: string, id: string) => `${section}: replaces the national item “${id}”.`,
    cy: (section: string, id: string) => `${section}: yn disodli’r eitem genedlaethol “${id}”.`,
    cyReviewed: false,
  },
  hideUnmatched: {
    en: (id: string) => `hide: “${id}” matches no national item.`,
    cy: (id: string) => `hide: nid yw “${id}” yn cyfateb i unrhyw eitem genedlaethol.`,
    cyReviewed: false,
  },
  hideOverridden: {
    en: (id: string) => `hide: “${id}” has no effect: the layer replaces that item.`,
    cy: (id: string) => `hide: nid yw “${id}” yn cael effaith: mae’r haen yn disodli’r eitem honno.`,
    cyReviewed: false,
  },
  widgetsMerged: {
    en: 'The widgets with both feeds',
    cy: 'Y teclynnau gyda’r ddwy ffrwd',
    cyReviewed: false,
  },
});
