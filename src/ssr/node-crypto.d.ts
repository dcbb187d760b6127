/** The one Node API the prerenderer (Node only) uses, typed here: the builds type-check src/ without Node's types. */
declare module 'node:crypto' {
  export function createHash(algorithm: 'sha256'): {
    update(data: string): { digest(encoding: 'base64'): string };
  };
}
