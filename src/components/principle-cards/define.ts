import { useBuiltInFeed } from '../../feed/built-in.js';
import { defineElement } from '../../internal/define.js';
import { ClPrincipleCards } from './principle-cards.js';

useBuiltInFeed(new URL('../../../feed/built-in.json', import.meta.url));
defineElement('cl-principle-cards', ClPrincipleCards);

export { ClPrincipleCards };
