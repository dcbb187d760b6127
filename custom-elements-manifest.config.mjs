/**
 * The custom-elements manifest (`npm run build` writes custom-elements.json):
 * Storybook's docs, the embed builder and the widget guides' tables
 * (scripts/docs-tables.mjs) read each element's API from it. What every
 * widget shares is documented once, on ClElement and FeedWidget; the
 * analyzer copies their attributes, events, parts and custom properties to
 * each widget (marked `inheritedFrom`).
 */
export default {
  litelement: true,
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/embed/**'],
  plugins: [staticPropertiesAsLitReadsThem(), cssPropertyDefaults(), withoutReactiveBase()],
};

/** The options object of one entry of `static properties`: `{ … }`, or the first argument of a helper `reflected({ … })`. */
function propertyOptions(ts, property) {
  if (!ts.isPropertyAssignment(property)) return undefined;
  let options = property.initializer;
  if (ts.isCallExpression(options)) options = options.arguments[0];
  return options && ts.isObjectLiteralExpression(options) ? options : undefined;
}

/** The initializer of the option called `name` in an options object, if given. */
function option(ts, options, name) {
  const found = options.properties.find((o) => ts.isPropertyAssignment(o) && o.name.getText() === name);
  return found?.initializer;
}

/**
 * Lit's `static properties`, read as Lit reads them where the analyzer does
 * not: `{ state: true }` is internal state, never an attribute (dropped, so
 * the docs and the embed builder offer only the real attributes); an
 * `attribute: 'page-size'` inside a helper call (`reflected({ … })`) names
 * the attribute (the analyzer would list the field name).
 */
function staticPropertiesAsLitReadsThem() {
  return {
    name: 'cl-static-properties',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const states = new Set();
      const attributeNames = new Map();
      for (const member of node.members) {
        const literal =
          ts.isPropertyDeclaration(member) && member.name.getText() === 'properties' ? member.initializer : undefined;
        if (!literal || !ts.isObjectLiteralExpression(literal)) continue;
        for (const property of literal.properties) {
          const options = propertyOptions(ts, property);
          if (!options) continue;
          if (option(ts, options, 'state')?.kind === ts.SyntaxKind.TrueKeyword) states.add(property.name.getText());
          const attribute = option(ts, options, 'attribute');
          if (attribute && ts.isStringLiteral(attribute)) attributeNames.set(property.name.getText(), attribute.text);
        }
      }
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!declaration) return;
      declaration.attributes = declaration.attributes?.filter((a) => !states.has(a.fieldName ?? a.name));
      for (const attribute of declaration.attributes ?? []) {
        const name = attributeNames.get(attribute.fieldName ?? attribute.name);
        if (name) attribute.name = name;
      }
      for (const member of declaration.members ?? []) {
        if (states.has(member.name)) delete member.attribute;
        else if (attributeNames.has(member.name) && member.attribute)
          member.attribute = attributeNames.get(member.name);
      }
    },
  };
}

/**
 * Every `@cssprop` says its default at the end of its description, in one
 * form: `… Default: \`#b3261e\`.` (test/node/docs.test.mjs checks it against
 * the code's `var()` fallbacks). The manifest's `default` field gets the same
 * words, for Storybook's table; this runs before the analyzer copies the base
 * classes' properties to the widgets.
 */
function cssPropertyDefaults() {
  return {
    name: 'cl-css-property-defaults',
    moduleLinkPhase({ moduleDoc }) {
      for (const declaration of moduleDoc.declarations ?? []) {
        for (const property of declaration.cssProperties ?? []) {
          const stated = /\bDefault: (.+)\.$/.exec(property.description ?? '');
          if (stated) property.default = stated[1].replaceAll('`', '');
        }
      }
    },
  };
}

/**
 * The reactive base (src/internal/base-element.ts) is the elements' lifecycle, not their API: its members are left
 * out of each element's entry, as Lit's were when the widgets extended LitElement.
 */
function withoutReactiveBase() {
  return {
    name: 'cl-without-reactive-base',
    packageLinkPhase({ customElementsManifest }) {
      for (const module of customElementsManifest.modules) {
        for (const declaration of module.declarations ?? []) {
          if (declaration.members) {
            declaration.members = declaration.members.filter((member) => member.inheritedFrom?.name !== 'BaseElement');
          }
        }
      }
    },
  };
}
