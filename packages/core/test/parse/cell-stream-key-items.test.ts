import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { buildCellStream, type CellStream } from '../../src/parse/cell-stream.js';

/** Whether `keyItem` maps every key character to the text item whose key range holds it. */
function keyItemsAgree(stream: CellStream): void {
  expect(stream.keyItem.length).toBe(stream.keyed.key.length);
  stream.items.forEach((item, index) => {
    for (let k = item.keyStart; k < item.keyEnd; k++) expect(stream.keyItem[k]).toBe(index);
  });
  const covered = stream.items.reduce((n, item) => n + item.keyEnd - item.keyStart, 0);
  expect(covered).toBe(stream.keyed.key.length);
}

const pieces = ['（一）予以公开', '收到申请数', '总计6000017', '12', '0 0 0', '3414.41 万元', '）', '—', 'Ａ类', '𠀀字', '\t', ' ', '|', '\u3000', '规章'];

describe('cell stream key items', () => {
  it('map each key character to its item, stream after stream (fast-check)', () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), { maxLength: 12 }), (lines) => {
        const text = lines.map((line) => line.join('')).join('\n');
        keyItemsAgree(buildCellStream(text, 0, text.length));
      }),
    );
  });

  it('hold a key longer than their first buffer, and a short stream after it', () => {
    const long = Array.from({ length: 3000 }, (_, i) => `第${i}项收到申请数\t${i}`).join('\n');
    keyItemsAgree(buildCellStream(long, 0, long.length));
    const short = '收到申请数\t12';
    const stream = buildCellStream(short, 0, short.length);
    keyItemsAgree(stream);
    expect(stream.keyItem.length).toBeGreaterThan(0);
  });
});
