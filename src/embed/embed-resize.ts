/**
 * The optional host script (embed-resize.js): sizes each embed iframe to the
 * height its page reports. It only reads messages of the documented shape
 * from a frame on this page, from that frame's own origin.
 */
import type { EmbedResizeMessage } from './messages.js';

/** A bound, so a misbehaving frame cannot make the host page absurdly long. */
const MAX_HEIGHT = 50_000;

addEventListener('message', (event: MessageEvent<Partial<EmbedResizeMessage> | null>) => {
  const height = event.data?.type === 'cl-embed:resize' ? event.data.height : undefined;
  if (typeof height !== 'number' || !(height >= 0)) return;
  for (const frame of document.getElementsByTagName('iframe')) {
    if (frame.contentWindow === event.source && new URL(frame.src, location.href).origin === event.origin) {
      frame.style.height = `${Math.min(Math.ceil(height), MAX_HEIGHT)}px`;
    }
  }
});
