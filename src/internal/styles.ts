import { css } from './base-element.js';

/**
 * Styles every widget shares. `:host` sets only display; the `.cl-root`
 * wrapper carries the text size (medium by default, so the reader's chosen
 * size wins over the host's `html { font-size }`), line height, box sizing
 * and the size container (on :host it would collapse inline and flex hosts).
 * It resets what a host leaks in but keeps what the page means: a hidden
 * panel hides the widget, and the page's colour scheme picks its colours.
 * Brand colours used as text come in a light and a dark form (`light-dark`).
 */
export const baseStyles = css`
  /* A size container has no width of its own: in a partner's flex row the host grows to fill it instead of collapsing. */
  :host {
    display: block;
    flex: 1 1 100%;
    min-inline-size: 0;
    max-inline-size: 100%;
  }
  /*
   * The size container below has no content width, so where the page sizes a box to its content (a float, a
   * centred flex column, an auto table cell) this strut of em spaces (with zero-width breaks) asks for 17.5em (280 px) and
   * gives way when there is less room. It is 0 high and says nothing.
   */
  :host::before {
    content: '\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b\\2003\\200b' /
      '';
    display: block;
    block-size: 0;
    overflow: hidden;
    font: var(--cl-font-size, medium) / 0 serif;
  }
  :host([hidden]) {
    display: none;
  }
  .cl-root {
    all: initial;
    visibility: inherit;
    color-scheme: inherit;
    display: block;
    container-type: inline-size;
    box-sizing: border-box;
    font-family: var(--cl-font-family, inherit);
    font-size: var(--cl-font-size, medium);
    line-height: var(--cl-line-height, 1.5);
    /* Its own surface under its own text: legible on a dark page that sets no color-scheme. */
    color: var(--cl-color-text, CanvasText);
    background-color: var(--cl-color-surface, Canvas);
    overflow-wrap: anywhere;
    hyphens: auto;
    max-width: 100%;
  }
  .cl-root *,
  .cl-root *::before,
  .cl-root *::after {
    box-sizing: inherit;
  }
  :focus-visible {
    outline: var(--cl-focus-width, 3px) solid var(--cl-color-focus, #1d70b8);
    outline-offset: 2px;
  }
  a {
    color: var(--cl-color-link, LinkText);
  }
  /*
   * Prerendered HTML read with scripting off: what needs the script goes, what replaces it (links) comes. The switch
   * is a property of the root, so prerendered HTML whose script never came can turn it too (src/ssr/render.ts);
   * private (--_, not the partner's --cl-), and set on the root, so no page's value reaches it.
   */
  .cl-no-script {
    display: var(--_cl-no-script, none) !important;
  }
  .cl-root {
    --_cl-no-script: none;
  }
  @media (scripting: none) {
    .cl-root {
      --_cl-no-script: block;
    }
    .cl-needs-script {
      display: none !important;
    }
  }
  .cl-visually-hidden {
    position: absolute !important;
    width: 1px !important;
    height: 1px !important;
    margin: 0 !important;
    padding: 0 !important;
    overflow: hidden !important;
    clip-path: inset(50%) !important;
    border: 0 !important;
    white-space: nowrap !important;
  }
  .cl-button {
    font: inherit;
    display: inline-flex;
    align-items: center;
    gap: 0.25em;
    min-height: 44px;
    min-width: 44px;
    padding: 0.5em 1em;
    border: 2px solid var(--cl-color-accent, #005eb8);
    border-radius: var(--cl-radius, 4px);
    background: var(--cl-color-accent, #005eb8);
    color: var(--cl-color-on-accent, #fff);
    cursor: pointer;
  }
  .cl-button[data-variant='secondary'] {
    background: var(--cl-color-surface, Canvas);
    color: var(--cl-color-accent, light-dark(#005eb8, #8cc4ff));
  }
  .cl-panel {
    border: 1px solid var(--cl-color-border, #b1b4b6);
    border-inline-start-width: 5px;
    border-radius: var(--cl-radius, 4px);
    padding: 0.75em 1em;
    margin-block: 0 1em;
    background: var(--cl-color-surface, Canvas);
  }
  .cl-panel[data-tone='error'] {
    border-color: var(--cl-color-error, #b3261e);
  }
  .cl-panel[data-tone='notice'] {
    border-color: var(--cl-color-notice, #b35900);
  }
  .cl-skeleton {
    display: block;
    border-radius: var(--cl-radius, 4px);
    background: var(--cl-color-skeleton, #e8e8e8);
  }
  /* Sizes are classes, never style attributes: strict CSP pages block those (style-src-attr). */
  .cl-skeleton-block {
    block-size: 12em;
  }
  .cl-language-switch {
    display: flex;
    justify-content: flex-end;
    margin-block-end: 0.5em;
  }
  @media (prefers-reduced-motion: no-preference) {
    .cl-skeleton {
      animation: cl-pulse 1.5s ease-in-out infinite;
    }
  }
  @keyframes cl-pulse {
    50% {
      opacity: 0.5;
    }
  }
  @media (forced-colors: active) {
    .cl-button,
    .cl-panel,
    .cl-skeleton {
      border: 1px solid CanvasText;
    }
    :focus-visible {
      outline-color: Highlight;
    }
  }
`;
