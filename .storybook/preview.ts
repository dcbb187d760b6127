/// <reference types="vite/client" />
import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { html } from 'lit';

/*
 * The API docs (attributes, events, parts, custom properties, slots) come
 * from the manifest the build writes at the repository root. A glob, not an
 * import, so a fresh checkout without it still starts: the docs pages then
 * show no API tables until `npm run build` has run.
 */
const manifests = import.meta.glob<unknown>('../custom-elements.json', { eager: true, import: 'default' });
setCustomElementsManifest(Object.values(manifests)[0] ?? { schemaVersion: '1.0.0', modules: [] });

/** The same rules as the browser tests (test/harness.ts): WCAG 2.2 AA, with target-size (shipped disabled) on. */
const WCAG_22_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

const preview: Preview = {
  tags: ['autodocs'],
  parameters: {
    a11y: {
      // Any violation fails the story test (`npm run test:stories`), not just a warning in the panel.
      test: 'error',
      options: {
        runOnly: { type: 'tag', values: WCAG_22_AA },
        rules: { 'target-size': { enabled: true } },
      },
    },
    controls: { expanded: true },
    docs: { codePanel: true },
  },
  globalTypes: {
    lang: {
      description: 'The language of the page around the widgets',
      toolbar: {
        title: 'Language',
        icon: 'globe',
        items: [
          { value: 'en', title: 'English' },
          { value: 'cy', title: 'Cymraeg' },
        ],
        dynamicTitle: true,
      },
    },
  },
  initialGlobals: { lang: 'en' },
  // Widgets take their language from the nearest `lang`, as on a partner's page; a story's own `lang` still wins.
  decorators: [(story, { globals }) => html`<div lang=${globals['lang'] === 'cy' ? 'cy' : 'en'}>${story()}</div>`],
};

export default preview;
