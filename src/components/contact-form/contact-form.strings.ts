import { defineStrings } from '../../i18n/strings.js';

/** Every string <cl-contact-form> shows, English and Welsh. */
export const contactFormStrings = defineStrings({
  intro: {
    en: 'Ask us a question. Fields are required unless marked optional.',
    cy: 'Gofynnwch gwestiwn i ni. Mae angen llenwi pob maes oni bai ei fod wedi’i nodi’n ddewisol.',
    cyReviewed: false,
  },
  optional: { en: '(optional)', cy: '(dewisol)', cyReviewed: false },
  name: { en: 'Your name', cy: 'Eich enw', cyReviewed: false },
  email: { en: 'Email address', cy: 'Cyfeiriad e-bost', cyReviewed: false },
  emailHint: {
    en: 'We will only use this to reply to you.',
    cy: 'Byddwn yn defnyddio hwn i’ch ateb chi yn unig.',
    cyReviewed: false,
  },
  organisation: { en: 'Organisation', cy: 'Sefydliad', cyReviewed: false },
  topic: { en: 'What is your question about?', cy: 'Am beth mae eich cwestiwn?', cyReviewed: false },
  topicChoose: { en: 'Choose a topic', cy: 'Dewiswch bwnc', cyReviewed: false },
  message: { en: 'Your message', cy: 'Eich neges', cyReviewed: false },
  messageHint: {
    en: 'Do not include personal details about anyone you support.',
    cy: 'Peidiwch â chynnwys manylion personol am unrhyw un rydych chi’n ei gefnogi.',
    cyReviewed: false,
  },
  /** `limit`: the message's limit (FIELD_LIMITS.message), formatted for the language. Welsh: GOV.UK Frontend's wording. */
  limitHint: {
    en: (limit: string) => `You can enter up to ${limit} characters`,
    cy: (limit: string) => `Gallwch ddefnyddio hyd at ${limit} nod`,
    cyReviewed: false,
  },
  // Welsh keeps the singular noun after a number ("2,000 nod"), so every plural form is the same: `other` serves them all.
  remaining: {
    en: { one: 'You have {n} character remaining', other: 'You have {n} characters remaining' },
    cy: { other: 'Mae gennych {n} nod ar ôl' },
    cyReviewed: false,
  },
  over: {
    en: { one: 'You have {n} character too many', other: 'You have {n} characters too many' },
    cy: { other: 'Mae gennych {n} nod yn ormod' },
    cyReviewed: false,
  },
  replyLanguage: { en: 'Which language should we reply in?', cy: 'Ym mha iaith dylen ni ateb?', cyReviewed: false },
  consent: {
    en: 'I agree that you may keep my details to answer this message',
    cy: 'Rwy’n cytuno y cewch gadw fy manylion i ateb y neges hon',
    cyReviewed: false,
  },
  honeypot: { en: 'Leave this field empty', cy: 'Gadewch y maes hwn yn wag', cyReviewed: false },
  send: { en: 'Send message', cy: 'Anfon neges', cyReviewed: false },
  privacy: {
    en: 'We use your details only to answer you, as part of our public task.',
    cy: 'Rydym yn defnyddio eich manylion i’ch ateb chi yn unig, fel rhan o’n tasg gyhoeddus.',
    cyReviewed: false,
  },
  /** No privacy notice was given: the form says plainly who receives the message (the endpoint's host). */
  privacyFallback: {
    en: (host: string) => `Your message and details are sent to ${host}, and used only to answer you.`,
    cy: (host: string) =>
      `Bydd eich neges a’ch manylion yn cael eu hanfon i ${host}, a’u defnyddio i’ch ateb chi yn unig.`,
    cyReviewed: false,
  },
  privacyLink: { en: 'Read our privacy notice', cy: 'Darllenwch ein hysbysiad preifatrwydd', cyReviewed: false },
  failed: {
    en: 'We could not reach our server. Everything you wrote is kept here, so you can try again now or later.',
    cy: 'Nid oedd modd cyrraedd ein gweinydd. Mae popeth a ysgrifennoch wedi’i gadw yma, felly gallwch roi cynnig arall arni nawr neu’n nes ymlaen.',
    cyReviewed: false,
  },
  needsScript: {
    en: 'This form needs JavaScript, which is turned off or has not loaded. You can contact us in these ways:',
    cy: 'Mae angen JavaScript ar y ffurflen hon, ac mae wedi’i ddiffodd neu heb lwytho. Gallwch gysylltu â ni yn y ffyrdd hyn:',
    cyReviewed: false,
  },
  noEndpoint: {
    en: 'This form cannot send messages from this page. Use one of these instead; your message is kept here while you do.',
    cy: 'Ni all y ffurflen hon anfon negeseuon o’r dudalen hon. Defnyddiwch un o’r rhain yn lle hynny; mae eich neges wedi’i chadw yma.',
    cyReviewed: false,
  },
  emailUs: { en: 'Email your message to us', cy: 'Anfonwch eich neges atom drwy e-bost', cyReviewed: false },
  phone: { en: 'Telephone', cy: 'Ffôn', cyReviewed: false },
  address: { en: 'Address', cy: 'Cyfeiriad', cyReviewed: false },
  contactPage: { en: 'Our contact page', cy: 'Ein tudalen gyswllt', cyReviewed: false },
  mailSubject: { en: 'Question from the contact form', cy: 'Cwestiwn o’r ffurflen gyswllt', cyReviewed: false },
});
