/** builder.html: the embed builder, in the page's language (`?lang=cy` for Welsh). */
import { toLanguage } from '../i18n/language.js';
import { mountBuilder } from './builder.js';
import { readEmbedData } from './catalog.js';

const root = document.querySelector('main')!;
const language = toLanguage(new URLSearchParams(location.search).get('lang') ?? document.documentElement.lang);
mountBuilder(root, readEmbedData(document), { cdnBase: new URL('./', location.href), language });
