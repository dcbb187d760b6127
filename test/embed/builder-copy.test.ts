/**
 * The builder's copy buttons, each outcome driven on purpose and the
 * clipboard read back by pasting with the keyboard, as a person would. In a
 * file of its own: the Firefox failure needs a page no key press has reached.
 */
import { expect } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import '../../src/index.js';
import { builderStrings } from '../../src/embed/builder.strings.js';
import { mountBuilder } from '../../src/embed/builder.js';
import type { EmbedData } from '../../src/embed/catalog.js';
import { expectAccessible, server, until, webkit } from '../harness.js';

const data = (await (await fetch(`${server}/dist/cdn/embed-widgets.json`)).json()) as EmbedData;
const cdnBase = new URL('/dist/cdn/', server);
const firefox = navigator.userAgent.includes('Firefox');
/** Firefox and WebKit let a page write to the clipboard in answer to a person's action, with no permission to grant. */
const onActionOnly = firefox || webkit;
/** The script snippet of the first widget with no options, in Welsh: what either copy puts on the clipboard. */
const SCRIPT_SNIPPET =
  `<script type="module" src="${cdnBase.href}compassionate-leadership.js" integrity="${data.integrity['compassionate-leadership.js']}" crossorigin="anonymous"></script>\n` +
  `<${data.widgets[0]!.tag} lang="cy"></${data.widgets[0]!.tag}>`;

const mounted: Element[] = [];
afterEach(() => {
  for (const element of mounted.splice(0)) element.remove();
  document.documentElement.lang = 'en';
});

function mount(): HTMLElement {
  const root = document.createElement('main');
  mounted.push(root);
  document.body.append(root);
  mountBuilder(root, data, { cdnBase, language: 'cy' });
  return root;
}

const copyScriptButton = (root: HTMLElement) => root.querySelector<HTMLButtonElement>('.builder-snippet + button')!;
const announcement = (root: HTMLElement) =>
  until(() => root.querySelector('[role="status"]')!.textContent, 'the announcement');

/** Presses Control with `key` (the browsers name the letter differently; WebDriver, in WebKit, presses the chord). */
async function control(key: 'c' | 'v'): Promise<void> {
  if (webkit) return void (await sendKeys({ press: `Control+${key}` }));
  await sendKeys({ down: 'Control' });
  await sendKeys({ press: firefox ? key : `Key${key.toUpperCase()}` });
  await sendKeys({ up: 'Control' });
}

/** What the clipboard holds, pasted with Control+V into a fresh text area. */
async function pasted(): Promise<string> {
  const area = document.createElement('textarea');
  area.setAttribute('aria-label', 'Pasted');
  mounted.push(area);
  document.body.append(area);
  area.focus();
  await control('v');
  return area.value;
}

describe('embed builder copy buttons', () => {
  it(
    onActionOnly
      ? 'when the page may not write to the clipboard (a click with no user activation), says so in Welsh and selects the snippet to copy by hand'
      : 'when the page may not write to the clipboard (permission denied), says so in Welsh and selects the snippet to copy by hand',
    async () => {
      const root = mount();
      if (onActionOnly) {
        // Firefox and WebKit write only in answer to a person's action: a page no key or click has reached may not.
        expect(navigator.userActivation.hasBeenActive, 'no key press before this test').to.equal(false);
        copyScriptButton(root).click();
      } else {
        expect(await executeServerCommand('clipboard-access', { allow: false })).to.equal(true);
        copyScriptButton(root).focus();
        await sendKeys({ press: 'Enter' });
      }
      expect(await announcement(root)).to.equal(builderStrings.copyFailed.cy);
      expect(getSelection()!.toString()).to.equal(SCRIPT_SNIPPET);
      await expectAccessible(root);
      // The person copies the selection themselves.
      await control('c');
      expect(await pasted()).to.equal(SCRIPT_SNIPPET);
    },
  );

  it('copies the snippet to the clipboard and says so in Welsh', async () => {
    // Firefox and WebKit let a key press write to the clipboard with no permission to grant.
    if (!onActionOnly) expect(await executeServerCommand('clipboard-access', { allow: true })).to.equal(true);
    const root = mount();
    getSelection()!.removeAllRanges();
    copyScriptButton(root).focus();
    await sendKeys({ press: 'Enter' });
    expect(await announcement(root)).to.equal(builderStrings.copied.cy);
    expect(await pasted()).to.equal(SCRIPT_SNIPPET);
    // Copied, so nothing is selected for copying by hand.
    expect(getSelection()!.toString()).to.equal('');
  });
});
