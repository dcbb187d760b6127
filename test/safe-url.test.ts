import { expect } from '@open-wc/testing';
import { isSafeUrlText, safeUrl } from '../src/internal/safe-url.js';

describe('safe URLs', () => {
  it('links https, http, mailto and tel in any letter case', () => {
    expect(safeUrl('https://example.org/a')).to.equal('https://example.org/a');
    expect(safeUrl('HTTP://example.org/')).to.equal('http://example.org/');
    expect(safeUrl('MailTo:someone@example.org')).to.equal('mailto:someone@example.org');
    expect(safeUrl('tel:03003033444')).to.equal('tel:03003033444');
  });

  it('resolves relative addresses against the given base', () => {
    expect(safeUrl('media/film.webm', 'https://cdn.example/feed/built-in.json')).to.equal(
      'https://cdn.example/feed/media/film.webm',
    );
    expect(safeUrl('//cdn.example/x')).to.equal(`${location.protocol}//cdn.example/x`);
  });

  for (const bad of [
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    ' javascript:alert(1)',
    'java\nscript:alert(1)',
    'java\tscript:alert(1)',
    '\u0001javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'vbscript:msgbox(1)',
    'file:///etc/passwd',
    'blob:https://example.org/x',
  ]) {
    it(`refuses ${JSON.stringify(bad)}`, () => {
      expect(isSafeUrlText(bad)).to.equal(false);
      expect(safeUrl(bad)).to.equal(undefined);
    });
  }
});
