/**
 * A small schema kit: each schema is a plain JSON Schema (draft-07) object,
 * typed with the TypeScript type it admits. The same object is the runtime
 * validator's input and, serialised, the published JSON Schema, so the two
 * cannot disagree. (valibot did this in 3 KB gzipped; this does it in under 1.)
 *
 * `errorMessage` (the ajv-errors keyword) carries the plain-words message;
 * the build drops it from the published file.
 */

export interface JsonSchema {
  type?: 'string' | 'integer' | 'number' | 'array' | 'object';
  pattern?: string;
  minimum?: number;
  minItems?: number;
  const?: unknown;
  enum?: readonly unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  anyOf?: JsonSchema[];
  errorMessage?: string;
}

declare const typeMark: unique symbol;
/** A JSON Schema that admits values of type T. */
export type Schema<T> = JsonSchema & { readonly [typeMark]?: T };
export type Infer<S> = S extends Schema<infer T> ? T : never;

type Simplify<T> = { [K in keyof T]: T[K] } & {};

export const string = (errorMessage: string, pattern?: RegExp): Schema<string> => ({
  type: 'string',
  ...(pattern && { pattern: pattern.source }),
  errorMessage,
});

export const integer = (errorMessage: string, minimum: number): Schema<number> => ({
  type: 'integer',
  minimum,
  errorMessage,
});

export const literal = <const T>(value: T, errorMessage: string): Schema<T> => ({ const: value, errorMessage });

export const picklist = <const T extends readonly string[]>(values: T, errorMessage: string): Schema<T[number]> => ({
  enum: values,
  errorMessage,
});

export const array = <T>(items: Schema<T>, errorMessage = 'must be a list', minItems?: number): Schema<T[]> => ({
  type: 'array',
  items,
  ...(minItems !== undefined && { minItems }),
  errorMessage,
});

/** An object with `required` and `optional` properties; other keys are ignored (and never copied). */
export function object<
  R extends Record<string, Schema<unknown>>,
  O extends Record<string, Schema<unknown>> = Record<never, never>,
>(required: R, optional?: O): Schema<Simplify<{ [K in keyof R]: Infer<R[K]> } & { [K in keyof O]?: Infer<O[K]> }>> {
  return {
    type: 'object',
    properties: { ...required, ...optional },
    required: Object.keys(required),
    errorMessage: 'must be an object',
  };
}

/** One of several shapes. A tuple type parameter keeps every branch's type (an array would merge subtypes). */
export const anyOf = <const S extends readonly Schema<unknown>[]>(
  branches: S,
  errorMessage: string,
): Schema<Infer<S[number]>> => ({
  anyOf: [...branches],
  errorMessage,
});

export interface Problem {
  path: (string | number)[];
  message: string;
  /** 'rule': the value had the right shape but broke a rule (a pattern, a minimum); 'shape': it did not. */
  kind: 'shape' | 'rule';
}

const INVALID = Symbol('invalid');

/** What `run` needs of a schema, worked out once per schema object (validation runs per item, 10,000 times). */
interface Compiled {
  pattern?: RegExp;
  properties?: [key: string, schema: JsonSchema, required: boolean][];
}
const compiled = new WeakMap<JsonSchema, Compiled>();

function compile(schema: JsonSchema): Compiled {
  let out = compiled.get(schema);
  if (!out) {
    out = {};
    if (schema.pattern !== undefined) out.pattern = new RegExp(schema.pattern, 'u');
    if (schema.properties) {
      out.properties = Object.entries(schema.properties).map(([key, property]) => [
        key,
        property,
        !!schema.required?.includes(key),
      ]);
    }
    compiled.set(schema, out);
  }
  return out;
}

const typeOk = (type: JsonSchema['type'], value: unknown): boolean =>
  type === 'array'
    ? Array.isArray(value)
    : type === 'object'
      ? typeof value === 'object' && value !== null && !Array.isArray(value)
      : type === 'integer'
        ? Number.isInteger(value)
        : typeof value === type;

function fail(
  schema: JsonSchema,
  path: (string | number)[],
  problems: Problem[],
  kind: Problem['kind'],
): typeof INVALID {
  problems.push({ path: [...path], message: schema.errorMessage ?? 'is not valid', kind });
  return INVALID;
}

/**
 * Validates `value`; returns a copy holding only the schema's properties, or
 * INVALID with problems added. `path` is one shared stack (pushed and popped
 * around each step), copied only into a problem: no array per value checked.
 */
function run(schema: JsonSchema, value: unknown, path: (string | number)[], problems: Problem[]): unknown {
  if (schema.anyOf) {
    const tried: Problem[] = [];
    for (const branch of schema.anyOf) {
      const out = run(branch, value, path, tried);
      if (out !== INVALID) return out;
    }
    // A branch that had the right shape but broke one rule says more than "matched nothing".
    const rules = tried.filter((p) => p.kind === 'rule');
    if (rules.length === 0) return fail(schema, path, problems, 'shape');
    problems.push(rules.reduce((a, b) => (b.path.length > a.path.length ? b : a)));
    return INVALID;
  }
  if ('const' in schema && value !== schema.const) return fail(schema, path, problems, 'shape');
  if (schema.enum && !schema.enum.includes(value)) return fail(schema, path, problems, 'shape');
  if (schema.type && !typeOk(schema.type, value)) return fail(schema, path, problems, 'shape');
  const { pattern, properties } = compile(schema);
  if (pattern && !pattern.test(value as string)) return fail(schema, path, problems, 'rule');
  if (schema.minimum !== undefined && (value as number) < schema.minimum) return fail(schema, path, problems, 'rule');
  const before = problems.length;
  if (schema.items) {
    const list = value as unknown[];
    if (schema.minItems !== undefined && list.length < schema.minItems) return fail(schema, path, problems, 'rule');
    const out = list.map((item, i) => {
      path.push(i);
      const result = run(schema.items!, item, path, problems);
      path.pop();
      return result;
    });
    return problems.length > before ? INVALID : out;
  }
  if (properties) {
    const record = value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    for (const [key, property, required] of properties) {
      path.push(key);
      const present = Object.prototype.hasOwnProperty.call(record, key) && record[key] !== undefined;
      if (present) {
        const result = run(property, record[key], path, problems);
        if (result !== INVALID) out[key] = result;
      } else if (required) {
        problems.push({ path: [...path], message: property.errorMessage ?? 'is required', kind: 'shape' });
      }
      path.pop();
    }
    return problems.length > before ? INVALID : out;
  }
  return value;
}

export type Validation<T> = { success: true; output: T } | { success: false; problems: Problem[] };

/** Validates `value` against `schema`; the output holds only what the schema describes. */
export function validate<T>(schema: Schema<T>, value: unknown): Validation<T> {
  const problems: Problem[] = [];
  const output = run(schema, value, [], problems);
  return output === INVALID ? { success: false, problems } : { success: true, output: output as T };
}
