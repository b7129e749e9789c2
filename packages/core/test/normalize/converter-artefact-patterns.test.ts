import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ARTEFACT_LITERAL, ARTEFACT_PATTERNS } from '../../src/normalize/converter-artefact-patterns.js';
import { findConverterArtefacts } from '../../src/normalize/index.js';

const literals = ARTEFACT_PATTERNS.flatMap(({ needs }) => needs);

/** Whether `text` holds a literal of some pattern: where `findConverterArtefacts` searches at all. */
function holdsLiteral(text: string): boolean {
  return literals.some((literal) => text.includes(literal));
}

describe('ARTEFACT_LITERAL', () => {
  it('matches each literal, in any text', () => {
    for (const literal of literals) {
      expect(ARTEFACT_LITERAL.test(literal)).toBe(true);
      expect(ARTEFACT_LITERAL.test(`一、概述\n${literal}\n二`)).toBe(true);
    }
  });

  it('matches a text exactly when it holds a literal', () => {
    // Pieces of the literals (which alone must not match) among ordinary characters.
    const pieces = [...literals, ...literals.flatMap((literal) => [literal.slice(0, -1), literal.slice(1)]), '一', 'a', ' ', '\n', '[', ']', '.', '<', '!', '-', '*', 'bookmark'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces.filter((p) => p !== '')), { maxLength: 30 }), (parts) => {
        const text = parts.join('');
        expect(ARTEFACT_LITERAL.test(text)).toBe(holdsLiteral(text));
        if (!holdsLiteral(text)) expect(findConverterArtefacts(text)).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
