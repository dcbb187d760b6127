/**
 * JSON text for plain data, whatever the host page did to `toJSON`. Prototype 1.6 (still on old intranet pages)
 * gives `Array.prototype` a `toJSON` that returns the array's text as a string, so `JSON.stringify` writes arrays
 * as strings: saved copies, drafts and request bodies would come back with a string where a list was. The replacer
 * runs after any `toJSON` and hands back the holder's own array or plain object, which is then written as itself.
 * (An object without a prototype has no `toJSON` to undo.)
 */
export const toJson = (value: unknown): string =>
  // eslint-disable-next-line no-restricted-properties -- the one place that writes JSON, with the replacer.
  JSON.stringify(value, function (this: Record<string, unknown>, key: string, written: unknown) {
    const own = this[key];
    return Array.isArray(own) || (own as object | undefined)?.constructor === Object ? own : written;
  });
