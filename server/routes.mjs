/**
 * The routes beyond static files, shared by `npm start`, the tests and the
 * benchmarks. A receiver (the contact endpoint) adds itself here.
 */
// eslint-disable-next-line no-unused-vars -- receivers read { root, dataDir } when they are added
export async function routes(/** @type {{ root: string, dataDir?: string }} */ options) {
  return [];
}
