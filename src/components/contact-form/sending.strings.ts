import { defineStrings } from '../../i18n/strings.js';

/**
 * The strings of the checks' errors and of the sending's outcomes: they load
 * with sending.ts, once a person starts to fill in the form. Each field
 * error's key is its field and code (`nameRequired`, `emailTooLong`, …).
 */
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
    en: (status: number) =>
      `Our server could not accept your message (error ${status}). Everything you wrote is kept here.`,
    cy: (status: number) =>
      `Nid oedd modd i’n gweinydd dderbyn eich neges (gwall ${status}). Mae popeth a ysgrifennoch wedi’i gadw yma.`,
    cyReviewed: false,
  },
  hostFailed: {
    en: 'Your message could not be delivered. Everything you wrote is kept here.',
    cy: 'Nid oedd modd danfon eich neges. Mae popeth a ysgrifennoch wedi’i gadw yma.',
    cyReviewed: false,
  },
  retry: { en: 'Try sending again', cy: 'Ceisio anfon eto', cyReviewed: false },
  retrying: {
    en: 'Your message has not been sent yet: we could not reach our server. Everything you wrote is kept here. We will try again in a moment.',
    cy: 'Nid yw eich neges wedi’i hanfon eto: nid oedd modd cyrraedd ein gweinydd. Mae popeth a ysgrifennoch wedi’i gadw yma. Byddwn yn rhoi cynnig arall arni mewn eiliad.',
    cyReviewed: false,
  },
  otherWays: { en: 'Other ways to contact us', cy: 'Ffyrdd eraill o gysylltu â ni', cyReviewed: false },
  errorSummary: { en: 'There is a problem', cy: 'Mae problem wedi codi', cyReviewed: false },
  errorPrefix: { en: 'Error:', cy: 'Gwall:', cyReviewed: false },
  nameRequired: { en: 'Enter your name', cy: 'Rhowch eich enw', cyReviewed: false },
  nameTooLong: {
    en: 'Name must be 200 characters or fewer',
    cy: 'Rhaid i’r enw fod yn 200 nod neu lai',
    cyReviewed: false,
  },
  emailRequired: { en: 'Enter your email address', cy: 'Rhowch eich cyfeiriad e-bost', cyReviewed: false },
  emailInvalid: {
    en: 'Enter an email address in the correct format, like name@example.com',
    cy: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
    cyReviewed: false,
  },
  emailTooLong: {
    en: 'Email address must be 254 characters or fewer',
    cy: 'Rhaid i’r cyfeiriad e-bost fod yn 254 nod neu lai',
    cyReviewed: false,
  },
  organisationTooLong: {
    en: 'Organisation must be 200 characters or fewer',
    cy: 'Rhaid i’r sefydliad fod yn 200 nod neu lai',
    cyReviewed: false,
  },
  topicRequired: {
    en: 'Choose what your question is about',
    cy: 'Dewiswch am beth mae eich cwestiwn',
    cyReviewed: false,
  },
  topicInvalid: { en: 'Choose a topic from the list', cy: 'Dewiswch bwnc o’r rhestr', cyReviewed: false },
  messageRequired: { en: 'Enter your message', cy: 'Rhowch eich neges', cyReviewed: false },
  messageTooLong: {
    en: 'Message must be 2,000 characters or fewer',
    cy: 'Rhaid i’r neges fod yn 2,000 nod neu lai',
    cyReviewed: false,
  },
  replyLanguageRequired: { en: 'Choose the language of our reply', cy: 'Dewiswch iaith ein hateb', cyReviewed: false },
  consentRequired: {
    en: 'Tick the box to agree that we may keep your details',
    cy: 'Ticiwch y blwch i gytuno y cawn gadw eich manylion',
    cyReviewed: false,
  },
  fieldInvalid: { en: 'Check this answer', cy: 'Gwiriwch yr ateb hwn', cyReviewed: false },
});
