/** The `detail` type of a `cl-*` event declared in GlobalEventHandlersEventMap. */
export type ClEventName = Extract<keyof GlobalEventHandlersEventMap, `cl-${string}`>;
export type ClEventDetail<K extends ClEventName> =
  GlobalEventHandlersEventMap[K] extends CustomEvent<infer D> ? D : never;

/**
 * Dispatches a typed `cl-*` event from `target`. Events bubble and are
 * composed so a host page can listen on `document`; the library records
 * nothing itself. Returns false when a listener called preventDefault.
 */
export function emit<K extends ClEventName>(
  target: EventTarget,
  name: K,
  detail: ClEventDetail<K>,
  options: { cancelable?: boolean } = {},
): boolean {
  return target.dispatchEvent(
    new CustomEvent(name, { detail, bubbles: true, composed: true, cancelable: options.cancelable ?? false }),
  );
}
