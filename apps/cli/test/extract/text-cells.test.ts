import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../src/program/run.js';
import { memoryIo } from '../helpers/memory-io.js';

const repositoryRoot = path.resolve(new URL('../../../../', import.meta.url).pathname);

interface Cell {
  id: string;
  raw: string;
  value: number | null;
  state: string;
  range: unknown;
}

describe('nianbao extract: cells of a text column (计量单位)', () => {
  it('carry their words with the state text, a value of null and their place, like numeric cells', async () => {
    const io = memoryIo(repositoryRoot);
    expect(await run(['extract', '--format', 'json', 'examples/pre2019-2015.txt'], io), io.err()).toBe(0);
    const extracted = JSON.parse(io.out()) as { template: string; tables: Array<{ rows: Array<{ id: string; cells: Cell[] }> }> };
    expect(extracted.template).toBe('gov-disclosure-pre2019');
    const received = extracted.tables[0].rows.find((row) => row.id === 'onRequest.received')!;
    const [unit, thisYear] = received.cells;
    expect(unit).toMatchObject({ id: 'stats.onRequest.received.unit', raw: '件', value: null, state: 'text' });
    expect(unit.range).not.toBeNull();
    expect(thisYear).toMatchObject({ raw: '37', value: 37, state: 'number' });
    const states = new Set(extracted.tables[0].rows.map((row) => row.cells[0].state));
    expect([...states]).toEqual(['text']);
  });
});
