import { css } from 'lit';

/**
 * The form's layout: one column, full-width inputs up to a readable measure,
 * GOV.UK-style error marks (in the shared error colour, which
 * stays 4.5:1 on light page greys). Buttons, panels, skeletons, the focus ring,
 * hidden text and forced colours come from the shared styles.
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
  .field[data-invalid] {
    border-inline-start: 5px solid var(--cl-color-error, #b3261e);
    padding-inline-start: 0.75em;
  }
  .label {
    display: block;
    font-weight: bold;
    padding: 0;
  }
  .label,
  .hint,
  .error-message {
    margin-block: 0 0.25em;
  }
  .hint,
  .count {
    color: var(--cl-color-secondary-text, #505a5f);
  }
  .error-message,
  .count[data-over],
  .error-summary a {
    color: var(--cl-color-error, #b3261e);
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
  [aria-invalid='true'] {
    border-color: var(--cl-color-error, #b3261e);
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
  .send[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .sending:empty {
    display: none;
  }
  .privacy,
  .sending {
    margin: 0;
  }
  .other-ways,
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .other-ways {
    margin-block-start: 0.5em;
  }
  .address {
    white-space: pre-line;
  }
  .error-summary {
    border: 5px solid var(--cl-color-error, #b3261e);
    padding: 1em;
    margin-block-end: 1.5em;
  }
  .error-summary-title,
  .confirmation-title {
    font-size: 1.25em;
    margin-block: 0 0.5em;
  }
  .cl-panel[data-tone='success'] {
    border-color: var(--cl-color-success, #00703c);
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
  @media (forced-colors: active) {
    .field[data-invalid],
    .error-summary {
      border-color: CanvasText;
    }
  }
`;
