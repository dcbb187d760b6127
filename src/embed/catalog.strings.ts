import { defineStrings } from '../i18n/strings.js';

/**
 * How the embed tools name a widget to people: in the builder's choice of widget, over each widget the feed preview
 * shows, and in an iframe snippet's `title` and the embed page's own title (there in the widget's language). Keyed by
 * the widget's folder name; a widget not listed is named by its folder name, hyphens as spaces (catalog.ts's
 * `widgetName`).
 */
export const catalogStrings = defineStrings({
  'principle-cards': { en: 'principle cards', cy: 'cardiau egwyddorion', cyReviewed: false },
  'film-player': { en: 'film player', cy: 'chwaraewr ffilmiau', cyReviewed: false },
  'resource-list': { en: 'resource list', cy: 'rhestr adnoddau', cyReviewed: false },
  'contact-form': { en: 'contact form', cy: 'ffurflen gysylltu', cyReviewed: false },
  /** `widget`: a name above. The embed page's title, and the iframe snippet's `title`. */
  frameTitle: {
    en: (widget: string) => `Compassionate leadership: ${widget}`,
    cy: (widget: string) => `Arweinyddiaeth dosturiol: ${widget}`,
    cyReviewed: false,
  },
});
