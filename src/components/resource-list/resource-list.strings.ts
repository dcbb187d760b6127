import { defineStrings } from '../../i18n/strings.js';

/** Every string <cl-resource-list> shows, in English and Welsh. */
export const resourceListStrings = defineStrings({
  list: { en: 'Articles and resources', cy: 'Erthyglau ac adnoddau', cyReviewed: false },
  find: { en: 'Find resources', cy: 'Dod o hyd i adnoddau', cyReviewed: false },
  search: { en: 'Search resources', cy: 'Chwilio’r adnoddau', cyReviewed: false },
  hint: {
    en: 'Searches titles, summaries, publishers and topics',
    cy: 'Yn chwilio teitlau, crynodebau, cyhoeddwyr a phynciau',
    cyReviewed: false,
  },
  unavailable: {
    en: 'Search is unavailable. Reload the page.',
    cy: 'Nid yw’r chwilio ar gael. Ail-lwythwch y dudalen.',
    cyReviewed: false,
  },
  filters: { en: 'Filter and sort', cy: 'Hidlo a threfnu', cyReviewed: false },
  type: { en: 'Type', cy: 'Math', cyReviewed: false },
  anyType: { en: 'All types', cy: 'Pob math', cyReviewed: false },
  topic: { en: 'Topic', cy: 'Pwnc', cyReviewed: false },
  anyTopic: { en: 'All topics', cy: 'Pob pwnc', cyReviewed: false },
  resourceLang: { en: 'Language', cy: 'Iaith', cyReviewed: false },
  anyLang: { en: 'Any language', cy: 'Unrhyw iaith', cyReviewed: false },
  // With a local layer: the "From" filter and, on each local resource, "From: <the local publisher>".
  from: { en: 'From', cy: 'Oddi wrth', cyReviewed: false },
  everyone: { en: 'Everyone', cy: 'Pawb', cyReviewed: false },
  // Used when a layer's feed gives no `source.name`.
  local: { en: 'Local', cy: 'Lleol', cyReviewed: false },
  national: { en: 'National', cy: 'Cenedlaethol', cyReviewed: false },
  sort: { en: 'Sort by', cy: 'Trefnu yn ôl', cyReviewed: false },
  newest: { en: 'Newest first', cy: 'Y mwyaf newydd yn gyntaf', cyReviewed: false },
  oldest: { en: 'Oldest first', cy: 'Yr hynaf yn gyntaf', cyReviewed: false },
  /**
   * For a Welsh speaker to decide, not guessed: the Welsh alphabet has no Z (it ends at Y), so “A i Z” may be
   * wrong. Options: “A i Y” (used by some Welsh sites), or a wording without letters (“Teitl yn nhrefn yr wyddor”).
   */
  title: { en: 'Title A to Z', cy: 'Teitl A i Z', cyReviewed: false },
  clear: { en: 'Clear filters', cy: 'Clirio’r hidlwyr', cyReviewed: false },
  count: {
    en: { one: '{n} resource', other: '{n} resources' },
    cy: {
      zero: 'Dim adnoddau',
      one: '{n} adnodd',
      two: '{n} adnodd',
      few: '{n} adnodd',
      many: '{n} adnodd',
      other: '{n} o adnoddau',
    },
    cyReviewed: false,
  },
  noMatch: { en: 'No resources match', cy: 'Nid oes adnoddau’n cyfateb', cyReviewed: false },
  tryOther: {
    en: 'Try other words, or clear the filters.',
    cy: 'Rhowch gynnig ar eiriau eraill, neu cliriwch yr hidlwyr.',
    cyReviewed: false,
  },
  noneYet: { en: 'There are no resources to show yet.', cy: 'Nid oes adnoddau i’w dangos eto.', cyReviewed: false },
  external: { en: '(another website)', cy: '(gwefan arall)', cyReviewed: false },
  topics: { en: 'Topics', cy: 'Pynciau', cyReviewed: false },
  inEn: { en: 'In English', cy: 'Yn Saesneg', cyReviewed: false },
  inCy: { en: 'In Welsh', cy: 'Yn Gymraeg', cyReviewed: false },
  inBoth: { en: 'In English and Welsh', cy: 'Yn Saesneg a Chymraeg', cyReviewed: false },
  english: { en: 'English', cy: 'Saesneg', cyReviewed: false },
  welsh: { en: 'Welsh', cy: 'Cymraeg', cyReviewed: false },
  more: { en: 'Show more', cy: 'Dangos rhagor', cyReviewed: false },
  pages: { en: 'Pages of resources', cy: 'Tudalennau o adnoddau', cyReviewed: false },
  prev: { en: 'Previous', cy: 'Blaenorol', cyReviewed: false },
  next: { en: 'Next', cy: 'Nesaf', cyReviewed: false },
  page: { en: 'Page', cy: 'Tudalen', cyReviewed: false },
  pageOf: {
    en: (page: number, pages: number) => `Page ${page} of ${pages}`,
    cy: (page: number, pages: number) => `Tudalen ${page} o ${pages}`,
    cyReviewed: false,
  },
  // Month names for dates ("May 2019", "14 Mawrth 2022"), month 0 to 11.
  month: {
    en: (month: number) =>
      'January February March April May June July August September October November December'.split(' ')[month]!,
    cy: (month: number) =>
      'Ionawr Chwefror Mawrth Ebrill Mai Mehefin Gorffennaf Awst Medi Hydref Tachwedd Rhagfyr'.split(' ')[month]!,
    cyReviewed: false,
  },
  // Resource types, singular, as a label on each item and in the type filter.
  article: { en: 'Article', cy: 'Erthygl', cyReviewed: false },
  blog: { en: 'Blog post', cy: 'Blogbost', cyReviewed: false },
  video: { en: 'Video', cy: 'Fideo', cyReviewed: false },
  toolkit: { en: 'Toolkit', cy: 'Pecyn cymorth', cyReviewed: false },
  report: { en: 'Report', cy: 'Adroddiad', cyReviewed: false },
  guide: { en: 'Guide', cy: 'Canllaw', cyReviewed: false },
  podcast: { en: 'Podcast', cy: 'Podlediad', cyReviewed: false },
  book: { en: 'Book', cy: 'Llyfr', cyReviewed: false },
  course: { en: 'Course', cy: 'Cwrs', cyReviewed: false },
  website: { en: 'Website', cy: 'Gwefan', cyReviewed: false },
});
