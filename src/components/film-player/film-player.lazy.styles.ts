import { css } from '../../internal/base-element.js';

/**
 * What only the player code shows, loaded with it (film-player.lazy.ts) and
 * added to the widget's styles: the video and the iframe filling the player
 * box, and the consent notice.
 */
export const playerStyles = css`
  video,
  iframe {
    inline-size: 100%;
    block-size: 100%;
    border: 0;
  }
  video {
    object-fit: contain;
  }
  .notice {
    align-self: stretch;
  }
  input {
    inline-size: 24px;
    block-size: 24px;
    vertical-align: middle;
  }
`;
