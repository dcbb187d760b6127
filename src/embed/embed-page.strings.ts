import { defineStrings } from '../i18n/strings.js';

/** The embed page's own words: only shown when the address names no known widget. */
export const embedPageStrings = defineStrings({
  unknownWidget: {
    en: 'This embed address does not name a widget. Use one of:',
    cy: 'Nid yw cyfeiriad y mewnosodiad hwn yn enwi teclyn. Defnyddiwch un o’r rhain:',
    cyReviewed: false,
  },
});
