// docs/scenario-format.md carries a field reference generated from the schema's descriptions: it must be the one
// `npm run docs:format` would write now, and it must name every field of the schema.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BEGIN, DOC, END, fieldReference, withReference } from '../../scripts/docs-format';
import { scenarioJsonSchema } from '../../src/scenario/json-schema';

describe('docs/scenario-format.md', () => {
  const doc = readFileSync(DOC, 'utf8');

  it('holds the field reference the schema generates now (run npm run docs:format after changing the schema)', () => {
    expect(doc).toContain(BEGIN);
    expect(doc).toContain(END);
    expect(withReference(doc)).toBe(doc);
  });

  it('lists every top-level field with its description, and each kind of effect and ratification check', () => {
    const reference = fieldReference();
    const schema = scenarioJsonSchema() as { properties: Record<string, { description: string }> };
    for (const [key, field] of Object.entries(schema.properties)) {
      expect(reference).toMatch(new RegExp(`\\| \`${key}\` +\\|`));
      expect(reference).toContain(field.description);
    }
    for (const kind of ['reservation', 'value', 'weight', 'trust', 'support', 'addOption', 'dropMeeting'])
      expect(reference).toContain(`### \`events[].effects[] (type: ${kind})\``);
    for (const kind of ['support', 'consent'])
      expect(reference).toContain(`### \`profiles.<party>.ratification[] (kind: ${kind})\``);
  });

  it('is stale when a description changes', () => {
    const schema = scenarioJsonSchema() as { properties: { discountPerMeeting: { description: string } } };
    schema.properties.discountPerMeeting.description = 'Something else.';
    expect(withReference(doc, fieldReference(schema))).not.toBe(doc);
  });
});
