import { defineStrings } from '../i18n/strings.js';

/** The embed page's own words: only shown when the address names no known widget. */
export const embedPageStrings = defineStrings({
  /** The page's title there (embed.html's own is English): the library's subject, in the address's language. */
  pageTitle: { en: 'Compassionate leadership', cy: 'Arweinyddiaeth dosturiol', cyReviewed: false },
  unknownWidget: {
    en: 'This embed address does not name a widget. Use one of:',
    cy: 'Nid yw cyfeiriad y mewnosodiad hwn yn enwi teclyn. Defnyddiwch un o’r rhain:',
    cyReviewed: false,
  },
});
