/**
 * What each server serves, and the contact receiver's settings from the
 * environment (documented in docs/contact-endpoint.md and `receive --help`).
 */
import { isAbsolute, resolve } from 'node:path';

/** `npm start`: the CDN build, the demo pages, the feeds and media, and Storybook's static build if present. */
export const DEMO_PUBLIC_PATHS = Object.freeze({
  '/dist/cdn/': 'dist/cdn',
  '/demo/': 'dist/demo',
  '/feed/': 'feed',
  '/storybook/': 'storybook-static',
});

/** `npm start`'s short addresses. */
export const DEMO_REDIRECTS = Object.freeze({
  '/': '/demo/',
  '/demo': '/demo/',
  '/builder': '/dist/cdn/builder.html',
  '/preview': '/dist/cdn/preview.html',
  '/storybook': '/storybook/',
});

/** The environment variables the receiver reads, with what each does (for `receive --help`). */
export const RECEIVER_ENV = [
  ['PORT', 'port to listen on (default 8080)'],
  ['HOST', 'address to listen on (default 127.0.0.1; 0.0.0.0 for every interface)'],
  ['CONTACT_DATA_DIR', 'folder for the messages (default .data; made with mode 0700, files 0600)'],
  [
    'CONTACT_ALLOWED_ORIGINS',
    'comma-separated origins whose pages may post (e.g. https://intranet.example); * for any',
  ],
  ['CONTACT_RETENTION_DAYS', 'messages older than this are deleted on start and daily (default 90)'],
  ['CONTACT_RATE_LIMIT', 'messages per client address per hour (default 20; 0 for no limit)'],
  [
    'CONTACT_SMTP_URL',
    'smtp://[user:pass@]host[:port] (STARTTLS when offered) or smtps://...; with the two below, each message is emailed',
  ],
  ['CONTACT_MAIL_TO', 'the mailbox that receives the messages'],
  ['CONTACT_MAIL_FROM', 'the sender address the emails come from (one your SMTP server may send as)'],
];

/** A setting that cannot be used: the command says which and stops. */
export class ConfigError extends Error {}

function wholeNumber(env, name, fallback) {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  if (!/^\d+$/.test(text.trim())) throw new ConfigError(`${name} must be a whole number, not "${text}".`);
  return Number(text);
}

function mailFromEnv(env) {
  const names = ['CONTACT_SMTP_URL', 'CONTACT_MAIL_TO', 'CONTACT_MAIL_FROM'];
  const given = names.filter((name) => env[name]?.trim());
  if (given.length === 0) return undefined;
  if (given.length < names.length)
    throw new ConfigError(
      `Mail needs all of ${names.join(', ')}; missing: ${names.filter((n) => !given.includes(n)).join(', ')}.`,
    );
  let url;
  try {
    url = new URL(env.CONTACT_SMTP_URL.trim());
  } catch {
    throw new ConfigError('CONTACT_SMTP_URL is not an address (smtp://host:587 or smtps://host:465).');
  }
  if (url.protocol !== 'smtp:' && url.protocol !== 'smtps:')
    throw new ConfigError('CONTACT_SMTP_URL must start with smtp:// or smtps://.');
  return { url: url.href, to: env.CONTACT_MAIL_TO.trim(), from: env.CONTACT_MAIL_FROM.trim() };
}

/**
 * The receiver's options from environment variables.
 * @param {Record<string, string | undefined>} env
 * @param {string} cwd CONTACT_DATA_DIR is relative to it
 */
export function receiverOptionsFromEnv(env, cwd = process.cwd()) {
  const dataDir = env.CONTACT_DATA_DIR?.trim() || '.data';
  return {
    port: wholeNumber(env, 'PORT', 8080),
    host: env.HOST?.trim() || '127.0.0.1',
    dataDir: isAbsolute(dataDir) ? dataDir : resolve(cwd, dataDir),
    allowedOrigins: (env.CONTACT_ALLOWED_ORIGINS ?? '')
      .split(',')
      .map((origin) => origin.trim().replace(/\/+$/, ''))
      .filter(Boolean),
    retentionDays: wholeNumber(env, 'CONTACT_RETENTION_DAYS', 90),
    rateLimit: wholeNumber(env, 'CONTACT_RATE_LIMIT', 20),
    mail: mailFromEnv(env),
  };
}
