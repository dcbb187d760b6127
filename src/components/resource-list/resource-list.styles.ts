import { css } from '../../internal/base-element.js';

/* Buttons, panels, skeletons, focus rings and forced colours come from the shared styles (src/internal/styles.ts). */
export const styles = css`
  form,
  .fields,
  [part='list'],
  .skeleton-item {
    display: grid;
    gap: 0.75em;
  }
  form {
    margin-block-end: 1em;
  }
  .cl-skeleton.title {
    block-size: 1.25em;
    inline-size: 70%;
  }
  .cl-skeleton.meta {
    block-size: 1em;
    inline-size: 40%;
  }
  .cl-skeleton.summary {
    block-size: 2.5em;
  }
  .cl-skeleton.controls {
    block-size: 8em;
    margin-block-end: 1em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }
  label,
  legend,
  [part='count'],
  [part='title'] {
    font-weight: bold;
  }
  .hint,
  [part='meta'] {
    color: var(--cl-color-muted, light-dark(#505a5f, #b1b4b6));
  }
  .hint,
  [part='meta'],
  [part='topic'] {
    font-size: 0.9em;
  }
  input,
  select {
    font: inherit;
    min-height: 44px;
    max-width: 100%;
    padding: 0.25em 0.5em;
    border: 2px solid var(--cl-color-border, #505a5f);
    border-radius: var(--cl-radius, 4px);
    background: var(--cl-color-surface, Canvas);
    color: inherit;
  }
  fieldset {
    margin: 0;
    padding: 0.75em 1em 1em;
    min-width: 0;
    border: 1px solid var(--cl-color-border, #b1b4b6);
    border-radius: var(--cl-radius, 4px);
  }
  /*
   * Each field's column comes from how many fields there are (data-fields), never from how many have arrived: a slow
   * connection paints prerendered HTML part way through, and auto-fit widened the first fields, then narrowed them as
   * the rest came (a layout shift). Auto-fill with each field's share as the least width keeps that many columns where
   * they fit (less half a pixel, so rounding never leaves one fewer), and as many of 11em as fit where they do not.
   */
  .fields {
    --fields: 4;
    grid-template-columns: repeat(
      auto-fill,
      minmax(max(min(100%, 11em), (100% + 0.75em) / var(--fields) - 0.75em - 0.5px), 1fr)
    );
  }
  .fields[data-fields='5'] {
    --fields: 5;
  }
  [part='clear'] {
    margin-block-start: 0.75em;
  }
  [part='count'] {
    margin-block: 0 0.5em;
  }
  [part='list'],
  [part='topics'],
  nav ul {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  [part='list'] {
    gap: var(--cl-resource-gap, 1em);
  }
  /* Each item is a .cl-panel without its accent edge and outer margin. */
  [part='item'] {
    border-inline-start-width: 1px;
    margin: 0;
  }
  [part='item'] p {
    margin: 0 0 0.25em;
  }
  [part='title'] {
    font-size: 1.1em;
  }
  a [aria-hidden] {
    margin-inline-start: 0.25em;
  }
  [part='meta'],
  [part='topics'],
  nav ul {
    display: flex;
    flex-wrap: wrap;
  }
  [part='meta'] {
    column-gap: 1em;
  }
  [part='topics'] {
    gap: 0.25em 0.5em;
    margin-block-start: 0.5em;
  }
  [part='topic'] {
    padding: 0 0.5em;
    border-radius: var(--cl-radius, 4px);
    background: var(--cl-color-tag, light-dark(#f3f2f1, #383f43));
  }
  nav ul {
    gap: 0.5em;
    align-items: center;
  }
  nav,
  .more {
    margin-block-start: 1em;
  }
  button {
    justify-content: center;
  }
  .skeleton-item {
    gap: 0.5em;
    padding: 0.75em 1em;
    margin-block-end: 1em;
  }
  [part='item']:focus-visible {
    outline-offset: 0;
  }
  /* Forced colours keep the borders of fields, fieldset and items (.cl-panel); topics, shown by their background, get one. */
  @media (forced-colors: active) {
    [part='topic'] {
      border: 1px solid CanvasText;
    }
    [aria-current='page'] {
      border-width: 4px;
    }
  }
`;
