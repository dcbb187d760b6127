/**
 * The custom-elements manifest (`npm run build` writes custom-elements.json):
 * Storybook's docs and the embed builder read each element's attributes from it.
 */
export default {
  litelement: true,
  globs: ['src/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/embed/**'],
  plugins: [internalStateIsNotAnAttribute()],
};

/**
 * Lit's `static properties = { phase: { state: true } }` is internal state,
 * never an attribute, but the analyzer lists it as one: drop those, so the
 * docs and the embed builder offer only the real attributes.
 */
function internalStateIsNotAnAttribute() {
  return {
    name: 'cl-internal-state-is-not-an-attribute',
    analyzePhase({ ts, node, moduleDoc }) {
      if (!ts.isClassDeclaration(node) || !node.name) return;
      const states = new Set();
      for (const member of node.members) {
        const literal =
          ts.isPropertyDeclaration(member) && member.name.getText() === 'properties' ? member.initializer : undefined;
        if (!literal || !ts.isObjectLiteralExpression(literal)) continue;
        for (const property of literal.properties) {
          const options = ts.isPropertyAssignment(property) ? property.initializer : undefined;
          const isState =
            options &&
            ts.isObjectLiteralExpression(options) &&
            options.properties.some(
              (o) =>
                ts.isPropertyAssignment(o) &&
                o.name.getText() === 'state' &&
                o.initializer.kind === ts.SyntaxKind.TrueKeyword,
            );
          if (isState) states.add(property.name.getText());
        }
      }
      const declaration = moduleDoc.declarations?.find((d) => d.name === node.name.getText());
      if (!declaration || states.size === 0) return;
      declaration.attributes = declaration.attributes?.filter((a) => !states.has(a.fieldName ?? a.name));
      for (const member of declaration.members ?? []) if (states.has(member.name)) delete member.attribute;
    },
  };
}
