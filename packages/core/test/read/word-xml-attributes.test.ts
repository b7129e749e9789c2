import { describe, expect, it } from 'vitest';
import { AttributeList } from '../../src/read/docx/word-xml-attributes.js';

function entries(list: AttributeList): [string, string][] {
  return Array.from({ length: list.length }, (_, i) => [list.nameAt(i), list.valueAt(i)]);
}

describe('AttributeList', () => {
  it('keeps each name once with its first value, in the order written, and drops __proto__', () => {
    const list = new AttributeList();
    for (const [name, value] of [['w:val', '1'], ['w:rsidR', 'a'], ['w:val', '2'], ['__proto__', 'x'], ['Type', 't']]) list.add(name, value);
    expect(entries(list)).toEqual([['w:val', '1'], ['w:rsidR', 'a'], ['Type', 't']]);
  });

  it('keeps names once in a tag of many attributes, and starts empty again when cleared', () => {
    const list = new AttributeList();
    for (let round = 0; round < 2; round++) for (let i = 0; i < 1000; i++) list.add(`a${i % 500}`, `${round}:${i}`);
    expect(list.length).toBe(500);
    expect(entries(list)[499]).toEqual(['a499', '0:499']);
    list.clear();
    expect(list.length).toBe(0);
    list.add('a1', 'again');
    list.add('a2', 'b');
    expect(entries(list)).toEqual([['a1', 'again'], ['a2', 'b']]);
  });
});
