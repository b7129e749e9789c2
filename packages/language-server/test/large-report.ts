import { readFileSync } from 'node:fs';
import { seedPath } from './lsp-harness.js';

/** Seed 003 (with its arithmetic errors and their fixes), its first section's prose repeated to about `bytes` bytes. */
export function largeReport(bytes: number): string {
  const seed = readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8');
  const start = seed.indexOf('一、总体情况');
  const next = seed.indexOf('二、', seed.indexOf('\n', start + 10));
  const paragraph = seed.slice(start + 6, next).trim();
  const copies = Math.ceil(bytes / Buffer.byteLength(`${paragraph}\n`));
  return `${seed.slice(0, start + 6)}\n${`${paragraph}\n`.repeat(copies)}${seed.slice(next)}`;
}
