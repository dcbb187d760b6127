import { css } from '../../internal/base-element.js';

export const styles = css`
  /* Reserved before anything loads; it grows only when the notice needs more room. */
  .player {
    display: grid;
    place-items: center;
    aspect-ratio: var(--cl-film-aspect-ratio, 16 / 9);
    background: #000;
  }
  .player > * {
    grid-area: 1 / 1;
    margin: 0;
  }
  img,
  .placeholder {
    inline-size: 100%;
    block-size: 100%;
    border: 0;
    object-fit: cover;
  }
  .placeholder {
    background: var(--cl-film-placeholder, linear-gradient(135deg, #0b3b60, #2a6e8f));
  }
  .play {
    font-size: 1.25em;
    box-shadow: 0 0 0 3px #fff;
  }
  .player > .cl-panel {
    margin: 0.75em;
  }
  .meta {
    min-block-size: 1.5em;
    margin-block: 1em;
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
  }
  ul {
    list-style: none;
    padding: 0;
  }
  ul .cl-button {
    inline-size: 100%;
    justify-content: space-between;
    margin-block-end: 0.25em;
  }
  [aria-current] {
    font-weight: bold;
  }
  summary {
    min-block-size: 24px;
  }
  @media (prefers-reduced-motion: no-preference) {
    .play {
      transition: transform 0.15s;
    }
    .play:hover {
      transform: scale(1.05);
    }
  }
`;
