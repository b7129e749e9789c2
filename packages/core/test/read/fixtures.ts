import { readFileSync } from 'node:fs';

/** Bytes of a reader fixture (packages/core/test/fixtures/read). */
export function fixtureBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../fixtures/read/${name}`, import.meta.url)));
}

/** Names of the seed reports in examples/seeds. */
export const SEEDS = [
  '000_ef504471c9854329.txt',
  '001_58b691fd784472d5.txt',
  '002_f8f28e4c849350e4.txt',
  '003_136fd1d98cf7f7a0.txt',
  '004_94a1ddae1680c43d.txt',
] as const;

/** Bytes of a seed report. */
export function seedBytes(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(`../../../../examples/seeds/${name}`, import.meta.url)));
}

/** Text of a seed report (UTF-8). */
export function seedText(name: string): string {
  return new TextDecoder().decode(seedBytes(name));
}

/** Encodes text as UTF-16 (little or big endian), optionally with a BOM. */
export function utf16(text: string, endian: 'le' | 'be', bom: boolean): Uint8Array {
  const units = (bom ? '\uFEFF' : '') + text;
  const bytes = new Uint8Array(units.length * 2);
  for (let i = 0; i < units.length; i++) {
    const c = units.charCodeAt(i);
    const [hi, lo] = [c >> 8, c & 0xff];
    bytes[2 * i] = endian === 'le' ? lo : hi;
    bytes[2 * i + 1] = endian === 'le' ? hi : lo;
  }
  return bytes;
}
