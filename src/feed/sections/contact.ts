import { array, object, string } from '../schema-kit.js';
import { LocalTextSchema, LocalUrlSchema, SafeUrl, Text, TopicSchema } from '../schema-common.js';
import type { SectionRules } from '../section-rule.js';

export const ContactSchema = object(
  {},
  {
    endpoint: SafeUrl,
    email: string('must be an email address', /^[^\s@]+@[^\s@]+\.[^\s@]+$/),
    phone: Text,
    address: LocalTextSchema,
    url: LocalUrlSchema,
    privacy: LocalUrlSchema,
    topics: array(TopicSchema),
  },
);

/** How the contact form's section is read. */
export const contactSections: SectionRules = { contact: { schema: ContactSchema } };
