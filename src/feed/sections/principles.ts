import { array, integer, object, anyOf } from '../schema-kit.js';
import { Id, LocalTextSchema, LocalUrlSchema, SourceSchema } from '../schema-common.js';
import type { Infer } from '../schema-kit.js';
import type { SectionRules } from '../section-rule.js';

/**
 * A principle's practice point: plain text (as partner feeds have it), or
 * `{ "text", "source" }` naming the page it was taken from. The validated
 * feed always holds the object form, so widgets read `item.text`.
 */
export const PracticeItemSchema = anyOf(
  [LocalTextSchema, object({ text: LocalTextSchema }, { source: SourceSchema })],
  'must be text, { "en": text, "cy": text }, or { "text": text, "source": address }',
);

export const PrincipleSchema = object(
  { id: Id, number: integer('must be a whole number, 1 or more', 1), title: LocalTextSchema, summary: LocalTextSchema },
  { practice: array(PracticeItemSchema), url: LocalUrlSchema, source: SourceSchema },
);

export const BehaviourSchema = object(
  { id: Id, title: LocalTextSchema },
  { summary: LocalTextSchema, source: SourceSchema },
);

/** One shape for the widgets: a plain-text practice point becomes `{ text }`. */
function withPracticeItems<P extends { practice?: readonly unknown[] }>(principle: P): P {
  if (principle.practice === undefined) return principle;
  const practice = principle.practice.map((point) =>
    typeof point === 'object' && point !== null && 'text' in point ? point : { text: point },
  );
  return { ...principle, practice };
}

/** A practice point as the validated feed holds it: plain-text points become `{ text }`. */
export interface PracticeItem {
  text: Infer<typeof LocalTextSchema>;
  source?: Infer<typeof SourceSchema>;
}

/** How the principle cards' sections are read. */
export const principleSections: SectionRules = {
  principles: { schema: PrincipleSchema, shape: withPracticeItems },
  behaviours: { schema: BehaviourSchema },
};
