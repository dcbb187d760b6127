import { useBuiltInFeed } from '../../feed/built-in.js';
import { defineElement } from '../../internal/define.js';
import { ClFilmPlayer } from './film-player.js';

useBuiltInFeed(new URL('../../../feed/built-in.json', import.meta.url));
defineElement('cl-film-player', ClFilmPlayer);

export { ClFilmPlayer };
