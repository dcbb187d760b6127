import { defineStrings } from '../../i18n/strings.js';

/** The UI strings of <cl-principle-cards>; feed text (names, summaries) comes from the feed. */
export const principleCardsStrings = defineStrings({
  principleOf: {
    en: (n: number, total: number) => `Principle ${n} of ${total}`,
    cy: (n: number, total: number) => `Egwyddor ${n} o ${total}`,
    cyReviewed: false,
  },
  /**
   * The official wording of the principles page, in both languages, so the Welsh counts as reviewed: Social Care
   * Wales, “Egwyddorion arweinyddiaeth dosturiol a sut i’w defnyddio”,
   * https://gofalcymdeithasol.cymru/adnoddau-canllawiau/gwella-gofal-a-chymorth/arweinyddiaeth-dosturiol/egwyddorion-arweinyddiaeth-dosturiol-a-sut-iw-defnyddio
   */
  practice: { en: 'Ways you could do this', cy: 'Ffyrdd y gallech chi wneud hyn', cyReviewed: true },
  more: { en: 'More about this principle', cy: 'Rhagor am yr egwyddor hon', cyReviewed: false },
  /** Follows a link whose page is only in the other language. */
  otherLanguagePage: { en: '(in Welsh)', cy: '(yn Saesneg)', cyReviewed: false },
  behaviours: {
    en: { one: 'The core behaviour', other: 'The {n} core behaviours' },
    // Welsh keeps the noun singular after a numeral, so two, few and many are the same as other.
    cy: { zero: 'Dim ymddygiadau craidd', one: 'Yr ymddygiad craidd', other: 'Y {n} ymddygiad craidd' },
    cyReviewed: false,
  },
  empty: { en: 'There are no principles to show.', cy: 'Nid oes egwyddorion i’w dangos.', cyReviewed: false },
});
