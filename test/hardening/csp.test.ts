import { expect } from '@open-wc/testing';
import { uniqueName } from '../harness.js';
import { ALL_WIDGETS_HTML, CDN_BUNDLE, pageReport, servedPage, type PageReport } from './widgets.js';

/*
 * Real pages served with a strict Content-Security-Policy header (not inline
 * test pages): the CDN bundle, the feed and the self-hosted film all come
 * from 'self'. Every widget must show its content, the film must play with
 * captions, and no securitypolicyviolation may fire.
 */
const STRICT = "default-src 'self'; script-src 'self'; style-src 'self'; require-trusted-types-for 'script'";
/** A second copy of the bundle at another URL: its own module instances, its own Lit. */
const SECOND_COPY = CDN_BUNDLE.replace('/dist/cdn/', '/dist//cdn/');
const trustedTypesSupported = 'trustedTypes' in window;
/** Firefox ESR has no Trusted Types: there these tests check the CSP alone, and their names say so. */
const CHECKS = trustedTypesSupported ? '' : ' (CSP only: this browser has no Trusted Types)';

const EXPECTED_VIEWS = [
  'cl-principle-cards: content',
  'cl-film-player: content',
  'cl-resource-list: content',
  'cl-contact-form: content',
];

async function report(csp: string, bundles = [CDN_BUNDLE]): Promise<PageReport> {
  const url = await servedPage(uniqueName('csp'), {
    body: ALL_WIDGETS_HTML,
    bundles,
    headers: { 'Content-Security-Policy': csp },
    play: true,
  });
  const result = await pageReport<PageReport>(url);
  expect(result.failed, result.failed).to.equal(undefined);
  return result;
}

/*
 * Known, routed: the skeletons of the resource list, contact form and film
 * player (and FeedWidget's default) use inline style attributes, which
 * `style-src 'self'` blocks (style-src-attr, one report per template).
 * Content is unaffected; only those reports are set aside here.
 */

function expectWorking(result: PageReport): void {
  expect(result.errors).to.deep.equal([]);
  expect(result.views).to.deep.equal(EXPECTED_VIEWS);
  expect(result.film).to.equal('playing with captions');
  expect(result.violations).to.deep.equal([]);
  // Proves the policy was really in force: Trusted Types refuse a plain string as HTML (where the browser has them).
  expect(result.trustedTypesEnforced).to.equal(trustedTypesSupported);
}

describe('strict CSP and Trusted Types (served pages)', () => {
  it(`works under ${STRICT}${CHECKS}`, async () => {
    expectWorking(await report(STRICT));
  });

  it(`works with the trusted-types allow-list a partner sets: lit-html only${CHECKS}`, async () => {
    expectWorking(await report(`${STRICT}; trusted-types lit-html`));
  });

  it(`works loaded twice with trusted-types lit-html 'allow-duplicates'${CHECKS}`, async () => {
    const result = await report(`${STRICT}; trusted-types lit-html 'allow-duplicates'`, [CDN_BUNDLE, SECOND_COPY]);
    expect(result.loadErrors).to.deep.equal([]);
    expectWorking(result);
  });
});
