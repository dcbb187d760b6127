import { css } from '../../internal/base-element.js';

/**
 * What only the sending code shows, loaded with it (contact-form.lazy.ts) and
 * added to the form's styles: GOV.UK-style error marks (in the shared error
 * colour, 4.5:1 or more on light page greys, with a dark-page form as text),
 * the error summary, the busy send button and the confirmation.
 */
export const senderStyles = css`
  .field[data-invalid] {
    border-inline-start: 5px solid var(--cl-color-error, #b3261e);
    padding-inline-start: 0.75em;
  }
  .error-message {
    margin-block: 0 0.25em;
  }
  .error-message,
  .error-summary a {
    color: var(--cl-color-error, light-dark(#b3261e, #ffb4ab));
    font-weight: bold;
  }
  [aria-invalid='true'] {
    border-color: var(--cl-color-error, #b3261e);
  }
  .send[aria-disabled='true'] {
    opacity: 0.7;
    cursor: progress;
  }
  .error-summary {
    border: 5px solid var(--cl-color-error, #b3261e);
    padding: 1em;
    margin-block-end: 1.5em;
  }
  .error-summary ul {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  .error-summary-title,
  .confirmation-title {
    font-size: 1.25em;
    margin-block: 0 0.5em;
  }
  .cl-panel[data-tone='success'] {
    border-color: var(--cl-color-success, #00703c);
  }
  @media (forced-colors: active) {
    .field[data-invalid],
    .error-summary {
      border-color: CanvasText;
    }
  }
`;
