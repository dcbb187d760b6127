import { defineStrings } from '../../i18n/strings.js';

/**
 * The strings of the checks' errors and of the sending's outcomes: they load
 * with contact-form.lazy.ts, once a person starts to fill in the form. A
 * too-long error takes the field's limit (FIELD_LIMITS), formatted for the
 * form's language.
 */
export const senderStrings = defineStrings({
  sending: { en: 'Sending your message…', cy: 'Wrthi’n anfon eich neges…', cyReviewed: false },
  sentTitle: { en: 'Message sent', cy: 'Neges wedi’i hanfon', cyReviewed: false },
  reference: { en: 'Your reference is', cy: 'Eich cyfeirnod yw', cyReviewed: false },
  sentBody: {
    en: 'Thank you. We will reply to you by email in the language you chose.',
    cy: 'Diolch. Byddwn yn eich ateb drwy e-bost yn yr iaith a ddewisoch.',
    cyReviewed: false,
  },
  sendAnother: { en: 'Send another message', cy: 'Anfon neges arall', cyReviewed: false },
  failedTitle: { en: 'Your message has not been sent', cy: 'Nid yw eich neges wedi’i hanfon', cyReviewed: false },
  noAnswer: {
    en: 'We could not reach our server, even after trying again. Everything you wrote is kept here, so you can try again now or later.',
    cy: 'Nid oedd modd cyrraedd ein gweinydd, hyd yn oed ar ôl rhoi cynnig arall arni. Mae popeth a ysgrifennoch wedi’i gadw yma, felly gallwch roi cynnig arall arni nawr neu’n nes ymlaen.',
    cyReviewed: false,
  },
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
  /** The receiver's rate limit (429); `wait` is `seconds` or `minutes` filled in. */
  rateLimited: {
    en: (wait: string) =>
      `Too many messages were sent from here. Everything you wrote is kept here. Trying again in ${wait}.`,
    cy: (wait: string) =>
      `Mae gormod o negeseuon wedi’u hanfon o’r fan hon. Mae popeth a ysgrifennoch wedi’i gadw yma. Byddwn yn rhoi cynnig arall arni ymhen ${wait}.`,
    cyReviewed: false,
  },
  // Welsh keeps the singular noun after a numeral ("2 eiliad", "5 munud"): every form is spelled out so a reviewer can change one.
  seconds: {
    en: { one: '{n} second', other: '{n} seconds' },
    cy: {
      zero: '{n} eiliad',
      one: '{n} eiliad',
      two: '{n} eiliad',
      few: '{n} eiliad',
      many: '{n} eiliad',
      other: '{n} eiliad',
    },
    cyReviewed: false,
  },
  minutes: {
    en: { one: '{n} minute', other: '{n} minutes' },
    cy: {
      zero: '{n} munud',
      one: '{n} munud',
      two: '{n} munud',
      few: '{n} munud',
      many: '{n} munud',
      other: '{n} munud',
    },
    cyReviewed: false,
  },
  otherWays: { en: 'Other ways to contact us', cy: 'Ffyrdd eraill o gysylltu â ni', cyReviewed: false },
  errorSummary: { en: 'There is a problem', cy: 'Mae problem wedi codi', cyReviewed: false },
  errorPrefix: { en: 'Error:', cy: 'Gwall:', cyReviewed: false },
  nameRequired: { en: 'Enter your name', cy: 'Rhowch eich enw', cyReviewed: false },
  nameTooLong: {
    en: (limit: string) => `Name must be ${limit} characters or fewer`,
    cy: (limit: string) => `Rhaid i’r enw fod yn ${limit} nod neu lai`,
    cyReviewed: false,
  },
  emailRequired: { en: 'Enter your email address', cy: 'Rhowch eich cyfeiriad e-bost', cyReviewed: false },
  emailInvalid: {
    en: 'Enter an email address in the correct format, like name@example.com',
    cy: 'Rhowch gyfeiriad e-bost yn y fformat cywir, fel enw@enghraifft.com',
    cyReviewed: false,
  },
  emailTooLong: {
    en: (limit: string) => `Email address must be ${limit} characters or fewer`,
    cy: (limit: string) => `Rhaid i’r cyfeiriad e-bost fod yn ${limit} nod neu lai`,
    cyReviewed: false,
  },
  organisationTooLong: {
    en: (limit: string) => `Organisation must be ${limit} characters or fewer`,
    cy: (limit: string) => `Rhaid i’r sefydliad fod yn ${limit} nod neu lai`,
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
    en: (limit: string) => `Message must be ${limit} characters or fewer`,
    cy: (limit: string) => `Rhaid i’r neges fod yn ${limit} nod neu lai`,
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
