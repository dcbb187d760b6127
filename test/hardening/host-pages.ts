/**
 * The partner pages the hardening tests put widgets in (dark themes, containers that shrink to fit their content),
 * and the checks made there. Realm-agnostic: a widget in a frame of the test's page is read with its own window's
 * styles.
 */
import { parts } from '../harness.js';
import { deepElements } from './widgets.js';

/** The page's CSS for a dark theme, with and without `color-scheme`. */
export const DARK_PAGES: Record<string, string> = {
  'a dark page without color-scheme': 'body { background: #111; color: #eee; }',
  'a dark page with color-scheme: dark': ':root { color-scheme: dark; } body { background: #111; color: #eee; }',
};

/** Containers whose width is their content's: each wraps a widget's markup. */
export const SHRINK_TO_FIT: Record<string, (markup: string) => string> = {
  'a column flex with align-items: center': (m) =>
    `<div style="display: flex; flex-direction: column; align-items: center">${m}</div>`,
  'a float': (m) => `<div><div style="float: left">${m}</div></div>`,
  'an auto-width table cell': (m) =>
    `<table style="border-spacing: 0"><tr><td style="padding: 0">${m}</td></tr></table>`,
};

const stylesOf = (node: Element): CSSStyleDeclaration => node.ownerDocument.defaultView!.getComputedStyle(node);

/** How many columns the widget's grids have: distinct left edges of cards and behaviours. */
export function columns(el: Element): Record<string, number> {
  const count = (name: string) => new Set(parts(el, name).map((p) => Math.round(p.getBoundingClientRect().left))).size;
  return { cards: count('card'), behaviours: count('behaviour') };
}

type Rgba = [number, number, number, number];

function rgba(value: string): Rgba {
  const numbers = value.match(/[\d.]+/g)!.map(Number);
  return [numbers[0]!, numbers[1]!, numbers[2]!, numbers[3] ?? 1];
}

function luminance([r, g, b]: Rgba): number {
  const channel = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b);
}

function contrast(a: Rgba, b: Rgba): number {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
}

/** The first opaque background behind `node`, through shadow roots to the page. */
function backgroundBehind(node: Element): Rgba {
  for (let at: Element | null = node; at; at = at.parentElement ?? ((at.getRootNode() as ShadowRoot).host || null)) {
    const colour = rgba(stylesOf(at).backgroundColor);
    if (colour[3] === 1) return colour;
  }
  return [255, 255, 255, 1];
}

/** Every visible element holding text itself whose colour stands under 4.5:1 against what is behind it. */
export function lowContrastText(el: Element): string[] {
  return deepElements(el.shadowRoot!)
    .filter((node) => [...node.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent!.trim()))
    .filter((node) => node.checkVisibility({ visibilityProperty: true }) && !node.closest('[aria-hidden="true"]'))
    .filter((node) => contrast(rgba(stylesOf(node).color), backgroundBehind(node)) < 4.5)
    .map((node) => `${node.localName} "${node.textContent!.trim().slice(0, 30)}": ${stylesOf(node).color}`);
}
