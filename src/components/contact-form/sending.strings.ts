import { defineStrings } from '../../i18n/strings.js';

/** The strings shown once a message is sent or fails to send: they load with sending.ts, when a person first sends. */
export const sendingStrings = defineStrings({
  sentTitle: { en: 'Message sent', cy: 'Neges wedi’i hanfon', cyReviewed: false },
  reference: { en: 'Your reference is', cy: 'Eich cyfeirnod yw', cyReviewed: false },
  sentBody: {
    en: 'Thank you. We will reply to you by email in the language you chose.',
    cy: 'Diolch. Byddwn yn eich ateb drwy e-bost yn yr iaith a ddewisoch.',
    cyReviewed: false,
  },
  sendAnother: { en: 'Send another message', cy: 'Anfon neges arall', cyReviewed: false },
  failedTitle: { en: 'Your message has not been sent', cy: 'Nid yw eich neges wedi’i hanfon', cyReviewed: false },
  refused: {
    en: (status: number) => `Our server could not accept your message (error ${status}). Everything you wrote is kept here.`,
    cy: (status: number) => `Nid oedd modd i’n gweinydd dderbyn eich neges (gwall ${status}). Mae popeth a ysgrifennoch wedi’i gadw yma.`,
    cyReviewed: false,
  },
  hostFailed: {
    en: 'Your message could not be delivered. Everything you wrote is kept here.',
    cy: 'Nid oedd modd danfon eich neges. Mae popeth a ysgrifennoch wedi’i gadw yma.',
    cyReviewed: false,
  },
  retry: { en: 'Try sending again', cy: 'Ceisio anfon eto', cyReviewed: false },
});
