import { css } from '../../internal/base-element.js';

export const styles = css`
  .heading,
  .behaviours-heading,
  .title {
    font-size: 1.25em;
    line-height: 1.3;
    margin: 0 0 0.5em;
  }
  .cards,
  .behaviour-list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--cl-gap, 1em);
  }
  @container (min-width: 481px) {
    :host(:not([layout='list'])) .cards {
      grid-template-columns: repeat(auto-fill, minmax(var(--cl-card-min-width, 16em), 1fr));
    }
  }
  .card {
    display: flex;
    flex-direction: column;
    padding: var(--cl-card-padding, 1em);
    border: 1px solid var(--cl-color-border, #b1b4b6);
    border-top: 4px solid var(--cl-color-accent, #005eb8);
    border-radius: var(--cl-radius, 4px);
    background: var(--cl-color-surface, Canvas);
  }
  .number {
    margin: 0 0 0.25em;
    font-size: 0.875em;
    font-weight: bold;
    color: var(--cl-color-accent, light-dark(#005eb8, #8cc4ff));
  }
  .summary,
  .practice {
    margin: 0 0 0.75em;
  }
  .toggle {
    font: inherit;
    color: var(--cl-color-link, LinkText);
    background: none;
    border: 0;
    padding: 0;
    min-height: 44px;
    text-align: start;
    text-decoration: underline;
    cursor: pointer;
  }
  .toggle::before {
    content: '+' / '';
    display: inline-block;
    width: 1em;
    text-decoration: none;
  }
  .toggle[aria-expanded='true']::before {
    content: '−' / '';
  }
  .practice-panel {
    margin: 0;
    padding-inline-start: 1.25em;
  }
  /*
   * The link follows the summary, not the foot of the card: a card is as tall as the tallest in its row, and a link
   * pushed to the foot moved down when a taller card after it arrived (prerendered HTML painted part way through).
   */
  .link-row {
    margin: 0;
  }
  .behaviour-list {
    margin-block-end: 1.5em;
    grid-template-columns: repeat(auto-fill, minmax(min(100%, 12em), 1fr));
  }
  .behaviour {
    padding: 0.75em 1em;
    border-inline-start: 4px solid var(--cl-color-accent, #005eb8);
    background: var(--cl-color-surface, Canvas);
  }
  .behaviour strong {
    display: block;
  }
  .skeleton-card {
    min-height: 14em;
    gap: 1em;
  }
  .skeleton-card span {
    height: 1em;
  }
  .skeleton-card span:last-child {
    height: 5em;
  }
  @media (forced-colors: active) {
    .card,
    .behaviour {
      border: 1px solid CanvasText;
    }
  }
  @media print {
    .card {
      break-inside: avoid;
    }
    .toggle::before {
      content: none;
    }
  }
  /* Printed, or prerendered HTML read as with scripting off (the toggle cannot work): every panel open. */
  .practice-panel[hidden] {
    display: var(--_cl-no-script, none);
  }
  @media print {
    .practice-panel[hidden] {
      display: block;
    }
  }
`;
