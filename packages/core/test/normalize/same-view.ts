import { expect } from 'vitest';
import { endToOriginal, type TextView } from '../../src/read/index.js';

/**
 * Expects `made` to be `expected`: the same text, and every offset (0 to the text's length) mapped to the
 * same original start and end. Asserts per offset only where they differ, so a long text costs a loop.
 */
export function expectSameView(made: TextView, expected: TextView, where = ''): void {
  expect(made.text === expected.text, where).toBe(true);
  for (let v = 0; v <= expected.text.length; v++) {
    if (made.toOriginal(v) !== expected.toOriginal(v) || endToOriginal(made, v) !== endToOriginal(expected, v)) {
      expect({ v, start: made.toOriginal(v), end: endToOriginal(made, v) }, where).toEqual({ v, start: expected.toOriginal(v), end: endToOriginal(expected, v) });
    }
  }
}

/** A run of ASCII digits of a text: its range and its digits. */
export interface DigitRun {
  start: number;
  end: number;
  raw: string;
}

/** The runs of ASCII digits of `text`, and the step that picks about `limit` of them (every `step`th). */
export function digitRuns(text: string, limit: number): { runs: DigitRun[]; step: number } {
  const runs = [...text.matchAll(/[0-9]+/gu)].map((m) => ({ start: m.index, end: m.index + m[0].length, raw: m[0] }));
  return { runs, step: Math.max(1, Math.floor(runs.length / limit)) };
}
