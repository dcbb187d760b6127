import { html, type TemplateResult } from 'lit/html.js';
import { ifDefined } from 'lit/directives/if-defined.js';
import type { Language } from '../i18n/language.js';

/**
 * A heading of `level` (1-6), `name` its class and part. Lit cannot bind a
 * tag name, and one template per level costs less than lit/static-html. An
 * `id` or `lang` left undefined is left out.
 */
export function heading(level: number, name: string, content: unknown, id?: string, lang?: Language): TemplateResult {
  switch (level) {
    case 1:
      return html`<h1 class=${name} part=${name} id=${ifDefined(id)} lang=${ifDefined(lang)}>${content}</h1>`;
    case 2:
      return html`<h2 class=${name} part=${name} id=${ifDefined(id)} lang=${ifDefined(lang)}>${content}</h2>`;
    case 3:
      return html`<h3 class=${name} part=${name} id=${ifDefined(id)} lang=${ifDefined(lang)}>${content}</h3>`;
    case 4:
      return html`<h4 class=${name} part=${name} id=${ifDefined(id)} lang=${ifDefined(lang)}>${content}</h4>`;
    case 5:
      return html`<h5 class=${name} part=${name} id=${ifDefined(id)} lang=${ifDefined(lang)}>${content}</h5>`;
    default:
      return html`<h6 class=${name} part=${name} id=${ifDefined(id)} lang=${ifDefined(lang)}>${content}</h6>`;
  }
}

/** A `heading-level` attribute as a number from 2 to 6; anything else is `fallback`. */
export function headingLevel(value: string | null | undefined, fallback: number): number {
  const level = Number(value);
  return Number.isInteger(level) && level >= 2 && level <= 6 ? level : fallback;
}
