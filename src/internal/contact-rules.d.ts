export type ContactTextField = 'name' | 'email' | 'organisation' | 'topic' | 'message';
export declare const FIELD_LIMITS: Readonly<Record<ContactTextField, number>>;
export declare const EMAIL_PATTERN: RegExp;
export declare const TOPIC_PATTERN: RegExp;
export declare const IDEMPOTENCY_KEY_PATTERN: RegExp;
export declare const REPLY_LANGUAGES: readonly ['en', 'cy'];
export declare const MIN_FILL_MS: number;
export declare function textLength(text: string): number;
