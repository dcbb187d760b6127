import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import type { WidgetAttribute, WidgetInfo } from '../../src/embed/catalog.js';
import {
  attributeKind,
  createWidget,
  embedQuery,
  parseEmbedQuery,
  validAttributeValue,
  validColor,
} from '../../src/embed/options.js';

const ORIGIN = 'https://cdn.example';
const WIDGET: WidgetInfo = {
  name: 'sample',
  tag: 'cl-sample',
  summary: 'A sample widget.',
  attributes: [
    { name: 'topic', kind: 'text', description: 'A topic id.' },
    { name: 'layout', kind: 'enum', values: ['grid', 'list'], description: 'Layout.' },
    { name: 'heading-level', kind: 'number', min: 2, max: 6, description: 'Heading level (2 to 6).' },
    { name: 'limit', kind: 'number', description: 'How many.' },
    { name: 'behaviours', kind: 'boolean', description: 'Shows behaviours.' },
    { name: 'src', kind: 'url', description: 'The feed.' },
    { name: 'lang', kind: 'enum', values: ['en', 'cy'], description: '' },
  ],
  colors: [{ name: '--cl-color-accent', description: 'Accent.' }],
};

function parse(query: string) {
  return parseEmbedQuery(new URLSearchParams(query), [WIDGET], ORIGIN);
}

describe('embed options from the query string', () => {
  it('keeps known attributes with valid values and ignores everything else', () => {
    const options = parse(
      'widget=sample&lang=cy&topic=wellbeing&layout=list&heading-level=3&behaviours&onclick=alert(1)&style=color:red&--cl-color-accent=%23AA0000&--cl-other=%23000',
    )!;
    expect(options.widget).to.equal(WIDGET);
    expect(options.language).to.equal('cy');
    expect([...options.attributes]).to.deep.equal([
      ['topic', 'wellbeing'],
      ['layout', 'list'],
      ['heading-level', '3'],
      ['behaviours', ''],
    ]);
    expect([...options.colors]).to.deep.equal([['--cl-color-accent', '#aa0000']]);
  });

  it('names no widget for an unknown or missing widget', () => {
    expect(parse('widget=nope&topic=x')).to.equal(undefined);
    expect(parse('topic=x')).to.equal(undefined);
  });

  it('falls back to English for any language but Welsh', () => {
    expect(parse('widget=sample&lang=fr')!.language).to.equal('en');
    expect(parse('widget=sample&lang=cy-GB')!.language).to.equal('cy');
  });

  it('refuses values out of their kind', () => {
    const options = parse(
      'widget=sample&layout=grid%22onmouseover&heading-level=9&limit=-1&behaviours=no&topic=a%0Ab',
    )!;
    expect([...options.attributes]).to.deep.equal([]);
    expect(validAttributeValue(WIDGET.attributes[0]!, 'x'.repeat(201), ORIGIN)).to.equal(undefined);
    expect(validAttributeValue(WIDGET.attributes[3]!, '1.5', ORIGIN)).to.equal(undefined);
    expect(validAttributeValue(WIDGET.attributes[3]!, '25', ORIGIN)).to.equal('25');
  });

  it('takes addresses only over https or from its own origin', () => {
    const src = WIDGET.attributes.find((a) => a.name === 'src')!;
    expect(validAttributeValue(src, 'https://intranet.example/feed.json', ORIGIN)).to.equal(
      'https://intranet.example/feed.json',
    );
    expect(validAttributeValue(src, 'feed/demo.json', ORIGIN)).to.equal(`${ORIGIN}/feed/demo.json`);
    for (const bad of [
      'http://other.example/feed.json',
      'javascript:alert(1)',
      'data:application/json,{}',
      'mailto:a@b.c',
      'java\tscript:x',
    ]) {
      expect(validAttributeValue(src, bad, ORIGIN), bad).to.equal(undefined);
    }
  });

  it('checks a local layer as an address even when the catalogue calls it text', () => {
    const local: WidgetAttribute = { name: 'local', kind: 'text', description: 'A local layer.' };
    const widget: WidgetInfo = { ...WIDGET, attributes: [...WIDGET.attributes, local] };
    const options = parseEmbedQuery(
      new URLSearchParams('widget=sample&local=https%3A%2F%2Fcouncil.example%2Fours.json'),
      [widget],
      ORIGIN,
    )!;
    expect([...options.attributes]).to.deep.equal([['local', 'https://council.example/ours.json']]);
    expect(attributeKind(local)).to.equal('url');
    expect(validAttributeValue(local, 'ours.json', ORIGIN)).to.equal(`${ORIGIN}/ours.json`);
    for (const bad of ['http://council.example/ours.json', 'javascript:alert(1)', 'data:application/json,{}']) {
      expect(validAttributeValue(local, bad, ORIGIN), bad).to.equal(undefined);
    }
    const again = parseEmbedQuery(embedQuery(options), [widget], ORIGIN)!;
    expect(createWidget(document, again).getAttribute('local')).to.equal('https://council.example/ours.json');
  });

  it('takes colours only as #rgb or #rrggbb', () => {
    expect(validColor('#fff')).to.equal('#fff');
    expect(validColor('#00AAff')).to.equal('#00aaff');
    for (const bad of ['red', 'url(https://x)', '#12345', 'expression(1)', '#fff;background:red'])
      expect(validColor(bad), bad).to.equal(undefined);
  });

  it('builds a widget element with only the accepted attributes, its language and colours', () => {
    const element = createWidget(
      document,
      parse('widget=sample&lang=cy&layout=list&behaviours=true&--cl-color-accent=%23123456')!,
    );
    expect(element.localName).to.equal('cl-sample');
    expect(element.getAttributeNames().sort()).to.deep.equal(['behaviours', 'lang', 'layout', 'style']);
    expect(element.getAttribute('lang')).to.equal('cy');
    expect(element.style.getPropertyValue('--cl-color-accent')).to.equal('#123456');
  });

  it('writes a query that reads back to the same options', () => {
    const text = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => s.trim() === s && validAttributeValue(WIDGET.attributes[0]!, s, ORIGIN) !== undefined);
    fc.assert(
      fc.property(
        fc.record({
          topic: fc.option(text),
          layout: fc.option(fc.constantFrom('grid', 'list')),
          level: fc.option(fc.integer({ min: 2, max: 6 })),
          lang: fc.constantFrom('en', 'cy'),
        }),
        ({ topic, layout, level, lang }) => {
          const params = new URLSearchParams({ widget: 'sample', lang });
          if (topic !== null) params.set('topic', topic);
          if (layout !== null) params.set('layout', layout);
          if (level !== null) params.set('heading-level', String(level));
          const options = parseEmbedQuery(params, [WIDGET], ORIGIN)!;
          const again = parseEmbedQuery(embedQuery(options), [WIDGET], ORIGIN)!;
          expect([...again.attributes]).to.deep.equal([...options.attributes]);
          expect(again.language).to.equal(options.language);
        },
      ),
    );
  });
});
