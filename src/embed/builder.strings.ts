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
  htmlSnippet: { en: 'HTML with script (recommended)', cy: 'HTML gyda sgript (argymhellir)', cyReviewed: false },
  htmlHint: {
    en: 'Recommended where your page accepts HTML: the widget’s content is in the HTML (prerendered from the built-in feed), so it shows at once, before the script has loaded, and even without it.',
    cy: 'Argymhellir lle mae eich tudalen yn derbyn HTML: mae cynnwys y teclyn yn yr HTML (wedi’i rag-greu o’r ffrwd adeiledig), felly mae’n ymddangos ar unwaith, cyn i’r sgript lwytho, a hyd yn oed hebddi.',
    cyReviewed: false,
  },
  /** `hash`: the snippet's `styleHash` (`'sha256-…'`), as it goes into a Content-Security-Policy. */
  htmlCspHint: {
    en: (hash: string) =>
      `On a page whose Content-Security-Policy allows no inline style, add ${hash} to its style-src, or the content shows unstyled until the script has run.`,
    cy: (hash: string) =>
      `Ar dudalen nad yw ei Content-Security-Policy yn caniatáu arddull fewnol, ychwanegwch ${hash} at ei style-src, neu bydd y cynnwys heb arddull nes bydd y sgript wedi rhedeg.`,
    cyReviewed: false,
  },
  htmlCommandHint: {
    en: 'With these options the HTML is prerendered from your choices by this command (Node.js 20 or later); paste what it prints into your page.',
    cy: 'Gyda’r opsiynau hyn caiff yr HTML ei rag-greu o’ch dewisiadau gan y gorchymyn hwn (Node.js 20 neu ddiweddarach); gludwch yr hyn y mae’n ei argraffu i’ch tudalen.',
    cyReviewed: false,
  },
  htmlLocalHint: {
    en: 'Prerendered HTML shows one feed. With a local layer, merge it into the feed first with this command (Node.js 20 or later), host the merged feed, then prerender that.',
    cy: 'Mae HTML wedi’i rag-greu yn dangos un ffrwd. Gyda haen leol, cyfunwch hi â’r ffrwd yn gyntaf gyda’r gorchymyn hwn (Node.js 20 neu ddiweddarach), cynhaliwch y ffrwd gyfun, yna rhag-grëwch honno.',
    cyReviewed: false,
  },
  htmlLoading: {
    en: 'Loading the prerendered HTML…',
    cy: 'Wrthi’n llwytho’r HTML wedi’i rag-greu…',
    cyReviewed: false,
  },
  htmlFailed: {
    en: 'The prerendered HTML could not be loaded. This command (Node.js 20 or later) prints it:',
    cy: 'Nid oedd modd llwytho’r HTML wedi’i rag-greu. Mae’r gorchymyn hwn (Node.js 20 neu ddiweddarach) yn ei argraffu:',
    cyReviewed: false,
  },
  copyHtml: { en: 'Copy the HTML snippet', cy: 'Copïo’r darn HTML', cyReviewed: false },
  copyScript: { en: 'Copy the script snippet', cy: 'Copïo’r darn sgript', cyReviewed: false },
  copyIframe: { en: 'Copy the iframe snippet', cy: 'Copïo’r darn iframe', cyReviewed: false },
  copied: { en: 'Copied to the clipboard.', cy: 'Wedi’i gopïo i’r clipfwrdd.', cyReviewed: false },
  copyFailed: {
    en: 'Could not copy: the snippet is selected, press Ctrl+C (or Cmd+C) to copy it.',
    cy: 'Methu copïo: mae’r darn wedi’i ddewis, pwyswch Ctrl+C (neu Cmd+C) i’w gopïo.',
    cyReviewed: false,
  },
  noWidgets: {
    en: 'No widgets are registered: build the library first.',
    cy: 'Nid oes teclynnau wedi’u cofrestru: adeiladwch y llyfrgell yn gyntaf.',
    cyReviewed: false,
  },
});
