import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { projectConfigSchema, usualConfig } from '../../src/project/project-config-schema.js';

/** JSON values near a configuration's shape: objects with `templates` and other keys, lists of strings and not. */
const entry = fc.oneof(fc.string({ maxLength: 3 }), fc.constant(''), fc.integer(), fc.constant(null), fc.boolean());
const templates = fc.oneof(fc.array(entry, { maxLength: 4 }), fc.array(fc.string({ minLength: 1, maxLength: 4 }), { maxLength: 4 }), entry);
const key = fc.constantFrom('templates', 'template', '__proto__', 'extra', '');
const configLike = fc.oneof(
  fc.dictionary(key, templates, { maxKeys: 3 }),
  fc.record({ templates }),
  fc.constant({}),
  fc.array(entry, { maxLength: 2 }),
  entry,
);

describe('usualConfig (the configuration checked without zod)', () => {
  it('gives what the schema gives whenever it gives anything, and always for a list of non-empty strings', async () => {
    const schema = await projectConfigSchema();
    await fc.assert(
      fc.asyncProperty(configLike, async (value) => {
        // As JSON.parse makes it: "__proto__" an own key, no undefined.
        const parsed: unknown = JSON.parse(JSON.stringify(value) ?? 'null');
        const usual = usualConfig(parsed);
        const checked = schema.safeParse(parsed);
        if (usual !== undefined) {
          expect(checked.success).toBe(true);
          expect(usual).toEqual(checked.data);
        }
      }),
      { numRuns: 2000 },
    );
    for (const value of [{}, { templates: [] }, { templates: ['a.nbt', 'templates/'] }]) expect(usualConfig(value)).toEqual(schema.parse(value));
  });

  it('leaves to the schema what it must reject or say something about', () => {
    for (const text of ['null', '[]', '"x"', '{"templates":null}', '{"templates":[""]}', '{"templates":[1]}', '{"templates":"a.nbt"}', '{"other":1}', '{"templates":[],"x":1}', '{"__proto__":[]}']) {
      expect(usualConfig(JSON.parse(text))).toBeUndefined();
    }
  });
});
