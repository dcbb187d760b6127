/**
 * The loader of a widget's lazy half: `load` is the widget's own literal import() (which keeps that half out of its
 * entry), `loaded` (if given) receives the module. One load at a time; it settles with undefined, never rejects, when the file
 * cannot be fetched, and the next call tries again. A browser may keep a failed module for the page's life (Firefox
 * does), so a try after a failure asks for the same file under another address (a query added), when the error named
 * it.
 */
export function lazyModule<T>(load: () => Promise<T>, loaded?: (module: T) => unknown): () => Promise<T | undefined> {
  let loading: Promise<T | undefined> | undefined;
  let failedAt: string | undefined;
  let tries = 0;
  return () =>
    (loading ??= (failedAt ? (import(/* @vite-ignore */ `${failedAt}?try=${++tries}`) as Promise<T>) : load()).then(
      (module) => (loaded?.(module), module),
      (error: unknown) => {
        failedAt ??= /https?:\/\/[^\s'"?#]+\.js/.exec(String(error))?.[0];
        return (loading = undefined);
      },
    ));
}
