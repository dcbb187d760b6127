import { css } from '../../internal/base-element.js';

/**
 * The form's layout: one column, full-width inputs up to a readable measure.
 * The marks of errors, of a send under way and of the confirmation load with
 * the sending code (contact-form.lazy.styles.ts). Buttons, panels, skeletons,
 * the focus ring, hidden text and forced colours come from the shared styles.
 * Colours used as text come in a light and a dark form (`light-dark`).
 */
export const styles = css`
  form {
    max-width: 40em;
  }
  .intro {
    margin-block: 0 1em;
  }
  .field {
    margin: 0 0 1.5em;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  /* WebKit keeps a fieldset's legend and block content as wide as at their narrowest (a column collapsed, an iframe
     laid out in a closed tab panel): a letter wide and 500 px tall once wide again. As a flex column it lays them out afresh. */
  fieldset.field {
    display: flex;
    flex-direction: column;
  }
  .label {
    display: block;
    font-weight: bold;
    padding: 0;
  }
  .label,
  .hint {
    margin-block: 0 0.25em;
  }
  .hint,
  .count {
    color: var(--cl-color-secondary-text, light-dark(#505a5f, #b1b4b6));
  }
  .count[data-over] {
    color: var(--cl-color-error, light-dark(#b3261e, #ffb4ab));
    font-weight: bold;
  }
  [part='input'] {
    font: inherit;
    display: block;
    width: 100%;
    min-height: 44px;
    padding: 0.35em 0.5em;
    border: 2px solid var(--cl-color-border, #0b0c0c);
    border-radius: 0;
    background: var(--cl-color-surface, Canvas);
    color: inherit;
    resize: vertical;
  }
  .count {
    margin-block: 0.25em 0;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1.5em;
  }
  .choice {
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 44px;
    cursor: pointer;
  }
  .choice input {
    flex: none;
    width: 1.5em;
    height: 1.5em;
    min-width: 24px;
    min-height: 24px;
    margin: 0;
    accent-color: var(--cl-color-accent, #005eb8);
  }
  .honeypot {
    position: absolute;
    inset-inline-start: -10000px;
    width: 1px;
    height: 1px;
    overflow: hidden;
  }
  .actions {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.75em;
  }
  .actions > .cl-panel {
    align-self: stretch;
    margin: 0;
  }
  .sending:empty {
    display: none;
  }
  .privacy,
  .sending {
    margin: 0;
  }
  .other-ways {
    margin: 0.5em 0 0;
    padding-inline-start: 1.25em;
  }
  .address {
    white-space: pre-line;
  }
  .skeleton {
    display: grid;
    gap: 0.5em;
  }
  .skeleton span {
    height: 2.75em;
  }
  .skeleton .title {
    height: 1.2em;
    width: 40%;
  }
  .skeleton .area {
    height: 8em;
  }
`;
