/**
 * The iframe page (embed.html): one widget from the query string, on a
 * transparent page as wide as the iframe. Reports its content height to the
 * parent; links open in a new tab (the page's <base target="_blank">).
 */
import { toLanguage } from '../i18n/language.js';
import { translator } from '../i18n/strings.js';
import { frameTitle, readEmbedData, registeredWidgets } from './catalog.js';
import { embedPageStrings } from './embed-page.strings.js';
import type { EmbedResizeMessage } from './messages.js';
import { createWidget, parseEmbedQuery } from './options.js';

function renderUnknown(main: HTMLElement, names: string[], params: URLSearchParams): void {
  const language = toLanguage(params.get('lang'));
  const t = translator(embedPageStrings, language);
  document.documentElement.lang = language;
  document.title = t('pageTitle');
  const message = document.createElement('p');
  message.textContent = t('unknownWidget');
  const list = document.createElement('ul');
  for (const name of names) {
    const item = document.createElement('li');
    item.append(Object.assign(document.createElement('code'), { textContent: name }));
    list.append(item);
  }
  main.append(message, list);
}

/** Posts the content height to the parent whenever it changes; any origin may embed the page, and only a number is sent. */
function reportHeight(): void {
  if (window.parent === window) return;
  let last = -1;
  const send = (): void => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    const message: EmbedResizeMessage = { type: 'cl-embed:resize', height };
    window.parent.postMessage(message, '*');
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}

function start(): void {
  const main = document.querySelector('main') ?? document.body;
  // A prerendered page (embed-<widget>.<lang>.html) carries its widget in its HTML.
  if (main.firstElementChild) {
    reportHeight();
    return;
  }
  const params = new URLSearchParams(location.search);
  const widgets = registeredWidgets(readEmbedData(document).widgets);
  const options = parseEmbedQuery(params, widgets, location.origin);
  if (options) {
    document.documentElement.lang = options.language;
    document.title = frameTitle(options.widget.name, options.language);
    main.append(createWidget(document, options));
  } else {
    renderUnknown(
      main,
      widgets.map((w) => w.name),
      params,
    );
  }
  reportHeight();
}

start();
