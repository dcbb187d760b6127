import type { Language } from './language.js';

/** Welsh plural categories (CLDR): zero, one, two, few, many, other. English uses one and other. */
export type PluralForms = Partial<Record<Intl.LDMLPluralRule, string>> & { other: string };

export type Message = string | ((...args: never[]) => string) | PluralForms;

/**
 * One UI string in both languages. `cyReviewed` stays false until a Welsh
 * speaker has checked the Welsh; `npm run strings:review` lists those.
 */
export interface Bilingual<M extends Message = Message> {
  en: M;
  cy: M;
  cyReviewed: boolean;
}

export type StringTable = Record<string, Bilingual>;

/** Declares a widget's table; the identity function keeps each entry's exact type. */
export function defineStrings<T extends Record<string, Bilingual>>(table: T): T {
  return table;
}

/**
 * Welsh's CLDR plural categories of 0 to 6 (any other whole number's is `other`, as is English's but for 1). Written
 * out, not Intl.PluralRules: that loads its data on first use, for milliseconds inside the render that hydrates.
 */
const WELSH_PLURALS: Intl.LDMLPluralRule[] = ['zero', 'one', 'two', 'few', 'other', 'other', 'many'];

/**
 * A whole number as English and Welsh both write it: `5,000`. Not Intl.NumberFormat, whose first use in a page loads
 * number data for tens of milliseconds, on the way to the first render of the resource list and the contact form.
 */
export const formatCount = (count: number): string => String(Math.trunc(count)).replace(/\B(?=(\d{3})+$)/g, ',');

/** Picks the plural form for `count` (a whole number) in `language` and fills `{n}` with the number. */
export function plural(forms: PluralForms, count: number, language: Language): string {
  const form = forms[(language === 'cy' ? WELSH_PLURALS[count] : count === 1 && 'one') || 'other'] ?? forms.other;
  return form.replaceAll('{n}', formatCount(count));
}

/** Returns a bound lookup: `t('key')` gives the entry in `language`. */
export function translator<T extends StringTable>(table: T, language: Language) {
  return <K extends keyof T>(key: K): T[K]['en'] => table[key][language] as T[K]['en'];
}
