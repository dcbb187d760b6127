import type { Language } from './language.js';

type Localised = string | { en?: string | undefined; cy?: string | undefined };

export interface Picked {
  text: string;
  /** The language the text is actually in: differs from the widget's when it fell back. */
  lang: Language;
}

/**
 * Picks feed text in `language`, falling back to the other language. A plain
 * string is English. Templates mark fallback text with `lang` (WCAG 3.1.2).
 */
export function pick(value: Localised, language: Language): Picked {
  if (typeof value === 'string') return { text: value, lang: 'en' };
  const own = value[language];
  if (own !== undefined) return { text: own, lang: language };
  const other: Language = language === 'cy' ? 'en' : 'cy';
  return { text: value[other] ?? '', lang: other };
}

/** The `lang` attribute value for picked text: set only when it differs from the widget's. */
export function langIf(picked: Picked, language: Language): Language | undefined {
  return picked.lang === language ? undefined : picked.lang;
}
