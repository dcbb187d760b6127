import { defineStrings } from '../i18n/strings.js';

/** The embed builder's words. Attribute names stay as code; their descriptions come from the classes, in English. */
export const builderStrings = defineStrings({
  title: { en: 'Embed builder', cy: 'Adeiladydd mewnosod', cyReviewed: false },
  intro: {
    en: 'Choose a widget and its options, check it in the preview, then copy a snippet into your page.',
    cy: 'Dewiswch declyn a’i opsiynau, gwiriwch ef yn y rhagolwg, yna copïwch ddarn o god i’ch tudalen.',
    cyReviewed: false,
  },
  options: { en: 'Options', cy: 'Opsiynau', cyReviewed: false },
  widget: { en: 'Widget', cy: 'Teclyn', cyReviewed: false },
  language: { en: 'Language of the widget', cy: 'Iaith y teclyn', cyReviewed: false },
  english: { en: 'English', cy: 'Saesneg', cyReviewed: false },
  welsh: { en: 'Welsh', cy: 'Cymraeg', cyReviewed: false },
  attributes: { en: 'Attributes', cy: 'Priodoleddau', cyReviewed: false },
  defaultValue: { en: '(default)', cy: '(rhagosodiad)', cyReviewed: false },
  colours: { en: 'Colours', cy: 'Lliwiau', cyReviewed: false },
  colourHint: {
    en: 'A colour as #rrggbb; leave empty for the default.',
    cy: 'Lliw ar ffurf #rrggbb; gadewch yn wag i gael y rhagosodiad.',
    cyReviewed: false,
  },
  localLabel: { en: 'Your own feed (local layer)', cy: 'Eich ffrwd eich hun (haen leol)', cyReviewed: false },
  localHint: {
    en: 'Optional. The address of your organisation’s own feed: its items are shown with the national ones, and it can hide national items. See the guide “Adding your own resources”.',
    cy: 'Dewisol. Cyfeiriad ffrwd eich sefydliad eich hun: dangosir ei heitemau gyda’r rhai cenedlaethol, a gall guddio eitemau cenedlaethol. Gweler y canllaw “Ychwanegu eich adnoddau eich hun”.',
    cyReviewed: false,
  },
  invalid: {
    en: 'This value is not accepted and is left out.',
    cy: 'Nid yw’r gwerth hwn yn dderbyniol ac fe’i gadewir allan.',
    cyReviewed: false,
  },
  preview: { en: 'Preview', cy: 'Rhagolwg', cyReviewed: false },
  snippets: { en: 'Snippets', cy: 'Darnau o god', cyReviewed: false },
  scriptSnippet: { en: 'Script tag and element', cy: 'Tag sgript ac elfen', cyReviewed: false },
  scriptHint: {
    en: 'For pages that accept scripts. Paste it where the widget should appear.',
    cy: 'Ar gyfer tudalennau sy’n derbyn sgriptiau. Gludwch ef lle dylai’r teclyn ymddangos.',
    cyReviewed: false,
  },
  iframeSnippet: { en: 'Iframe', cy: 'Iframe', cyReviewed: false },
  iframeHint: {
    en: 'For SharePoint Online, WordPress and other pages that strip scripts. The script line after the iframe is optional: it fits the iframe to its content.',
    cy: 'Ar gyfer SharePoint Online, WordPress a thudalennau eraill sy’n tynnu sgriptiau. Mae llinell y sgript ar ôl yr iframe yn ddewisol: mae’n gwneud i’r iframe ffitio’i gynnwys.',
    cyReviewed: false,
  },
  copyScript: { en: 'Copy the script snippet', cy: 'Copïo’r darn sgript', cyReviewed: false },
  copyIframe: { en: 'Copy the iframe snippet', cy: 'Copïo’r darn iframe', cyReviewed: false },
  copied: { en: 'Copied to the clipboard.', cy: 'Wedi’i gopïo i’r clipfwrdd.', cyReviewed: false },
  copyFailed: {
    en: 'Could not copy: the snippet is selected, press Ctrl+C (or Cmd+C) to copy it.',
    cy: 'Methu copïo: mae’r darn wedi’i ddewis, pwyswch Ctrl+C (neu Cmd+C) i’w gopïo.',
    cyReviewed: false,
  },
  iframeTitle: {
    en: (widget: string) => `Compassionate leadership: ${widget}`,
    cy: (widget: string) => `Arweinyddiaeth dosturiol: ${widget}`,
    cyReviewed: false,
  },
  noWidgets: {
    en: 'No widgets are registered: build the library first.',
    cy: 'Nid oes teclynnau wedi’u cofrestru: adeiladwch y llyfrgell yn gyntaf.',
    cyReviewed: false,
  },
});
