import { defineElement } from '../internal/define.js';
import { ClFeed } from './feed-element.js';
import { useBuiltInFeed } from './built-in.js';

useBuiltInFeed(new URL('../../feed/built-in.json', import.meta.url));
defineElement('cl-feed', ClFeed);

export { ClFeed };
