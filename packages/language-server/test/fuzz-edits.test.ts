import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { HoverRequest, type TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { fileUri, LspSession, seedPath } from './lsp-harness.js';

/**
 * The fuzzing campaign's language-server part: random edit sequences (fast-check, seeded) sent over
 * stdio to the bundled server — CRLF, lone CR, surrogate pairs cut in half, long digit runs, whole
 * tables pasted twice, positions past the end. The server never exits, and every diagnostic it
 * publishes lies inside the version of the document it names, on code-point and CRLF boundaries.
 */

let session: LspSession | undefined;
afterEach(async () => {
  await session?.stop();
  session = undefined;
});

const seed = readFileSync(seedPath('003_136fd1d98cf7f7a0.txt'), 'utf8');
const table = seed.slice(seed.indexOf('三、'), seed.indexOf('四、'));
const pieces = ['0', '9', '12', '\r\n', '\r', '\n', '\t', ' ', '𠮷', '\ud842', '\udfb7', '|', '（七）总计', '万元', '一、总体情况\n', '1'.repeat(500), table];

const edit = fc.record({
  start: fc.double({ min: 0, max: 1.05, noNaN: true }),
  length: fc.oneof(fc.constant(0), fc.nat({ max: 60 })),
  text: fc.oneof(fc.constant(''), fc.constantFrom(...pieces)),
});

/** Where an offset-based problem lies in `text`, if any. */
function problemAt(text: string, offset: number): string | null {
  if (offset < 0 || offset > text.length) return `offset ${offset} outside [0, ${text.length}]`;
  const before = text.charCodeAt(offset - 1);
  const after = text.charCodeAt(offset);
  if (before === 0x0d && after === 0x0a) return `offset ${offset} splits a CRLF`;
  if (before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff) return `offset ${offset} splits a surrogate pair`;
  return null;
}

describe('language server under random edit sequences (bundled server over stdio)', () => {
  it('never exits and publishes only ranges inside the version they name', async () => {
    session = await LspSession.start({ initializationOptions: { diagnostics: { debounceMs: 0 } } });
    const live = session;
    let run = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 25 }), async (edits) => {
        const uri = fileUri(path.join(os.tmpdir(), 'nianbao-lsp', `fuzz-${run++}.md`));
        let document = await live.open(uri, 'markdown', seed);
        // Snapshots: TextDocument.update changes a document in place.
        const snapshot = (d: TextDocument): TextDocument => TextDocument.create(d.uri, d.languageId, d.version, d.getText());
        const versions = new Map<number, TextDocument>([[document.version, snapshot(document)]]);
        for (const e of edits) {
          const length = document.getText().length;
          const start = Math.floor(e.start * length);
          // Positions past the end are sent as they are: the server must clamp them.
          const range = { start: document.positionAt(start), end: document.positionAt(start + e.length) };
          if (e.start > 1) range.end = { line: document.lineCount + 5, character: 3 };
          const change: TextDocumentContentChangeEvent = { range, text: e.text };
          document = await live.change(uri, [change]);
          versions.set(document.version, snapshot(document));
        }
        await live.request(HoverRequest.method, { textDocument: { uri }, position: document.positionAt(document.getText().length >> 1) });
        // The edited text may have stopped being a report (then nothing is published for its last
        // version): end with the report itself, whose version must be checked.
        document = await live.change(uri, [{ text: seed }]);
        versions.set(document.version, snapshot(document));
        const last = document.version;
        await live.waitForDiagnostics(uri, (p) => p.version === last, 30_000);
        for (const published of live.publishedFor(uri)) {
          const version = versions.get(published.version ?? -1);
          expect(version, `a publication names version ${published.version}`).toBeDefined();
          const text = version!.getText();
          for (const d of published.diagnostics) {
            for (const position of [d.range.start, d.range.end]) {
              expect(position.line, `${d.code} line`).toBeLessThan(version!.lineCount);
              const offset = version!.offsetAt(position);
              // offsetAt clamps: the position must be exactly the offset's.
              expect(version!.positionAt(offset), `${d.code} position`).toEqual(position);
              expect(problemAt(text, offset), `${d.code} at ${JSON.stringify(position)}`).toBeNull();
            }
          }
        }
        await live.close(uri);
        expect(live.exited).toBeUndefined();
      }),
      { seed: 20261202, numRuns: 10 },
    );
  }, 240_000);
});
