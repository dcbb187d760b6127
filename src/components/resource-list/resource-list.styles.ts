import { css } from 'lit';

export const styles = css`
  .controls {
    display: grid;
    gap: 0.75em;
    margin-block-end: 1em;
  }
  .field {
    display: flex;
    flex-direction: column;
    gap: 0.25em;
    min-width: 0;
  }
  label,
  legend {
    font-weight: bold;
  }
  .hint {
    color: var(--cl-color-muted, #505a5f);
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
    border: 1px solid var(--cl-color-border, #b1b4b6);
    border-radius: var(--cl-radius, 4px);
    min-width: 0;
  }
  .fields {
    display: grid;
    gap: 0.75em;
    grid-template-columns: repeat(auto-fit, minmax(min(100%, 11em), 1fr));
  }
  .clear {
    margin-block-start: 0.75em;
  }
  .count {
    margin-block: 0 0.5em;
    font-weight: bold;
  }
  .list {
    list-style: none;
    margin: 0;
    padding: 0;
    display: grid;
    gap: var(--cl-resource-gap, 1em);
  }
  .item {
    padding: 0.75em 1em;
    border: 1px solid var(--cl-color-border, #b1b4b6);
    border-radius: var(--cl-radius, 4px);
    background: var(--cl-color-surface, Canvas);
  }
  .item p {
    margin: 0 0 0.25em;
  }
  .title {
    font-weight: bold;
    font-size: 1.1em;
  }
  .external {
    margin-inline-start: 0.25em;
  }
  .meta {
    display: flex;
    flex-wrap: wrap;
    column-gap: 1em;
    color: var(--cl-color-muted, #505a5f);
    font-size: 0.9em;
  }
  .topics {
    list-style: none;
    margin: 0.5em 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 0.5em;
  }
  .topics li {
    padding: 0 0.5em;
    border-radius: var(--cl-radius, 4px);
    background: var(--cl-color-tag, #f3f2f1);
    font-size: 0.9em;
  }
  .pagination ul {
    list-style: none;
    margin: 1em 0 0;
    padding: 0;
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    align-items: center;
  }
  .page {
    justify-content: center;
  }
  .more {
    margin-block-start: 1em;
  }
  .skeleton-item {
    display: grid;
    gap: 0.5em;
    padding: 0.75em 1em;
    margin-block-end: 1em;
  }
  .item:focus-visible {
    outline-offset: 0;
  }
  @media (forced-colors: active) {
    input,
    select,
    fieldset,
    .item,
    .topics li {
      border: 1px solid CanvasText;
    }
    .page[aria-current='page'] {
      border-width: 4px;
    }
  }
`;
