import { useBuiltInFeed } from '../../feed/built-in.js';
import { defineElement } from '../../internal/define.js';
import { ClResourceList } from './resource-list.js';

useBuiltInFeed(new URL('../../../feed/built-in.json', import.meta.url));
defineElement('cl-resource-list', ClResourceList);

export { ClResourceList };
