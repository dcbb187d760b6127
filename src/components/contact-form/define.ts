import { useBuiltInFeed } from '../../feed/built-in.js';
import { defineElement } from '../../internal/define.js';
import { ClContactForm } from './contact-form.js';

useBuiltInFeed(new URL('../../../feed/built-in.json', import.meta.url));
defineElement('cl-contact-form', ClContactForm);

export { ClContactForm };
