import { defineStrings } from '../i18n/strings.js';

/** The notice a widget shows when one of its two layers failed: loaded with the layering code, on pages that use it. */
export const layerStrings = defineStrings({
  local: {
    en: 'Local content could not be loaded, so only the national content is shown.',
    cy: 'Nid oedd modd llwytho’r cynnwys lleol, felly dim ond y cynnwys cenedlaethol sy’n cael ei ddangos.',
    cyReviewed: false,
  },
  national: {
    en: 'The national content could not be loaded, so only local content is shown.',
    cy: 'Nid oedd modd llwytho’r cynnwys cenedlaethol, felly dim ond y cynnwys lleol sy’n cael ei ddangos.',
    cyReviewed: false,
  },
});
