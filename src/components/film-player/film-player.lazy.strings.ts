import { defineStrings } from '../../i18n/strings.js';

/**
 * The strings of the consent notice and of a file that cannot be played: they
 * load with film-player.lazy.ts, once a reader shows an intent to play.
 */
export const playerStrings = defineStrings({
  notice: {
    en: (provider: string) =>
      `This film is on ${provider}, which may set cookies and collect data about you if you play it here.`,
    cy: (provider: string) =>
      `Mae’r ffilm hon ar ${provider}, a allai osod cwcis a chasglu data amdanoch os byddwch yn ei chwarae yma.`,
    cyReviewed: false,
  },
  playFilm: { en: 'Play film', cy: 'Chwarae’r ffilm', cyReviewed: false },
  remember: {
    en: (provider: string) => `Remember my choice for ${provider}`,
    cy: (provider: string) => `Cofio fy newis ar gyfer ${provider}`,
    cyReviewed: false,
  },
  watchOn: {
    en: (provider: string) => `Watch on ${provider} instead`,
    cy: (provider: string) => `Gwylio ar ${provider} yn lle hynny`,
    cyReviewed: false,
  },
  fileFailed: {
    en: 'The film file could not be played.',
    cy: 'Nid oedd modd chwarae ffeil y ffilm.',
    cyReviewed: false,
  },
  download: { en: 'Open the film file', cy: 'Agor ffeil y ffilm', cyReviewed: false },
});
