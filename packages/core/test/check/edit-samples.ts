import { readdirSync, readFileSync } from 'node:fs';
import { expect } from 'vitest';

// The real reports the differential tests of re-checks after edits run on (cell-edits.test.ts,
// check-edited-text.test.ts): the seeds, the corpus, the layout variants, the reader's and parser's
// fixtures, and two layout variants of each seed.

const root = new URL('../../../../', import.meta.url);
const fixtures = new URL('../fixtures/', import.meta.url);

/** A report file's name and bytes. */
export interface Sample {
  name: string;
  bytes: Uint8Array;
}

/** Every sample report, with a crawled page's text without line breaks and converted Markdown of each seed. */
export function editSamples(): Sample[] {
  const out: Sample[] = [];
  const add = (dir: URL): void => {
    for (const name of readdirSync(dir).sort()) {
      if (name === 'README.md') continue;
      out.push({ name, bytes: new Uint8Array(readFileSync(new URL(name, dir))) });
    }
  };
  add(new URL('examples/seeds/', root));
  add(new URL('corpus/', fixtures));
  add(new URL('variants/', fixtures));
  add(new URL('read/', fixtures));
  add(new URL('parse/', fixtures));
  for (const seed of out.filter((s) => /^\d{3}_/u.test(s.name))) {
    const text = new TextDecoder().decode(seed.bytes);
    out.push({ name: `${seed.name}.one-line.txt`, bytes: new TextEncoder().encode(text.replace(/\s*\n\s*/gu, ' ')) });
    const markdown = text
      .split('\n')
      .map((line) => (line.includes('\t') ? `| ${line.split('\t').join(' | ')} |` : line))
      .join('\n');
    out.push({ name: `${seed.name}.md`, bytes: new TextEncoder().encode(markdown) });
  }
  return out;
}

/** Deep equality, compared as JSON first (fast); the structural comparison shows the difference. */
export function sameAs(actual: unknown, expected: unknown, where: string): void {
  if (JSON.stringify(actual) !== JSON.stringify(expected)) expect(actual, where).toEqual(expected);
}
