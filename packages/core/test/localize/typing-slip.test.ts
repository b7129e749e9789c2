import { describe, expect, it } from 'vitest';
import { detectTypingSlip } from '../../src/localize/index.js';

describe('detectTypingSlip', () => {
  it('recognises two adjacent digits swapped', () => {
    expect(detectTypingSlip('1085', '1058')?.kind).toBe('swap');
    expect(detectTypingSlip('1,085', '1058')?.kind).toBe('swap');
  });

  it('recognises an added or a dropped digit', () => {
    expect(detectTypingSlip('1055', '105')?.kind).toBe('extra-digit');
    expect(detectTypingSlip('105', '1055')?.kind).toBe('missing-digit');
    expect(detectTypingSlip('22', '2')?.kind).toBe('extra-digit');
  });

  it('does not call unrelated numbers slips', () => {
    expect(detectTypingSlip('1085', '1085')).toBeNull();
    expect(detectTypingSlip('1085', '1508')).toBeNull();
    expect(detectTypingSlip('0', '2')).toBeNull();
    expect(detectTypingSlip('10', '0')).toBeNull();
    expect(detectTypingSlip('-12', '21')).toBeNull();
    expect(detectTypingSlip('19万', '19')).toBeNull();
  });
});
