/** preview.html: the feed preview, in the page's language (`?lang=cy` for Welsh). */
import { toLanguage } from '../i18n/language.js';
import { readEmbedData } from './catalog.js';
import { mountPreview } from './preview.js';

const root = document.querySelector('main')!;
const language = toLanguage(new URLSearchParams(location.search).get('lang') ?? document.documentElement.lang);
// The built-in feed ships beside the page (dist/cdn/feed/): a local layer is checked against it unless told otherwise.
const nationalFeed = new URL('feed/built-in.json', location.href).href;
mountPreview(root, readEmbedData(document), { language, nationalFeed });
