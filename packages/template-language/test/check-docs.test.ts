import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { templateChecks } from '../src/index.js';

const guide = readFileSync(new URL('../../../grammars/README.md', import.meta.url), 'utf8');

describe('grammars/README.md', () => {
  it('documents every template check with its severity', () => {
    const rows = new Map(
      [...guide.matchAll(/^\| `([a-z-]+)` \| (error|warning|info) \|/gm)].map((match) => [match[1], match[2]]),
    );
    for (const [code, entry] of Object.entries(templateChecks)) {
      expect(rows.get(code), code).toBe(entry.severity);
    }
    expect([...rows.keys()].filter((code) => !(code in templateChecks))).toEqual([]);
  });
});
