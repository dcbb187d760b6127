/**
 * The one message the embed page sends, to its parent only: its content
 * height in CSS pixels, so the host can size the iframe. Nothing else about
 * the page or the reader is sent.
 */
export interface EmbedResizeMessage {
  type: 'cl-embed:resize';
  height: number;
}
