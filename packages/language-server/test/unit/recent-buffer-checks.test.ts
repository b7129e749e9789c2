import { readFileSync } from 'node:fs';
import { builtinTemplates, checkEditedText, type ReportSource } from '@nianbao/core';
import { describe, expect, it } from 'vitest';
import { checkBuffer, cellTypedOver, RecentBufferChecks, type ReportCheckRequest } from '../../src/reports/report-checker.js';

// The checks of a buffer after an edit start from its last check (core's checkEditedText, whose
// differential test covers the findings on real reports): here, that the outcome is the full check's,
// per document, and that only the most recently checked buffers are kept.

const seed = readFileSync(new URL('../../../../examples/seeds/003_136fd1d98cf7f7a0.txt', import.meta.url), 'utf8');

function request(name: string, text: string): ReportCheckRequest {
  const source: ReportSource = { name, format: 'txt', encoding: 'utf-8', text };
  return { source, template: 'auto', templates: builtinTemplates, locale: 'zh-CN', verifySuggestions: false };
}

/** The text with the first digit after `（七）总计` (a table cell) changed. */
function edited(text: string, digit: string): string {
  const anchor = text.indexOf('（七）总计');
  const at = anchor + text.slice(anchor).search(/\d/u);
  return text.slice(0, at) + digit + text.slice(at + 1);
}

describe('RecentBufferChecks', () => {
  it('gives the full check of each version of a buffer, edit after edit', () => {
    const recent = new RecentBufferChecks();
    let text = seed;
    for (const digit of ['2', '0', '7', '0']) {
      text = edited(text, digit);
      expect(recent.check(request('file:///a.txt', text))).toEqual(checkBuffer(request('file:///a.txt', text)));
    }
  });

  it('keeps the last checks of the most recently checked buffers only', () => {
    const recent = new RecentBufferChecks(1);
    const kept = (recent as unknown as { checks: Map<string, unknown> }).checks;
    recent.check(request('file:///a.txt', seed));
    recent.check(request('file:///b.txt', seed));
    expect([...kept.keys()]).toEqual(['file:///b.txt']);
    // Another document's check is no base: a's next check is its own full check.
    const text = edited(seed, '2');
    expect(recent.check(request('file:///a.txt', text))).toEqual(checkBuffer(request('file:///a.txt', text)));
    expect([...kept.keys()]).toEqual(['file:///a.txt']);
    recent.clear();
    expect(kept.size).toBe(0);
  });

  it('rehearses edits of the buffer checked last without changing what its next check starts from', () => {
    const recent = new RecentBufferChecks();
    const kept = (recent as unknown as { checks: Map<string, { check: unknown }> }).checks;
    expect(recent.rehearse(0)).toBe(false); // nothing checked yet
    recent.check(request('file:///a.txt', seed));
    const before = kept.get('file:///a.txt')?.check;
    for (let n = 0; n < 4; n++) expect(recent.rehearse(n)).toBe(true);
    expect(kept.get('file:///a.txt')?.check).toBe(before);
    const text = edited(seed, '2');
    expect(recent.check(request('file:///a.txt', text))).toEqual(checkBuffer(request('file:///a.txt', text)));
    // Not on a buffer longer than the limit.
    const large = new RecentBufferChecks(2, seed.length - 1);
    large.check(request('file:///a.txt', seed));
    expect(large.rehearse(0)).toBe(false);
  });
});

describe('cellTypedOver', () => {
  it("changes one digit of a different table cell for each n, the edit a user's typing makes", () => {
    const check = checkEditedText({ name: 'a.txt', format: 'txt', encoding: 'utf-8', text: seed }, { verifySuggestions: false });
    const cells = new Set<string>();
    for (let n = 0; n < 6; n++) {
      const text = cellTypedOver(check, n)!;
      expect(text.length).toBe(seed.length);
      const at = [...text].findIndex((c, i) => c !== seed[i]);
      expect(/\d/u.test(seed[at]) && /\d/u.test(text[at])).toBe(true);
      expect(text.slice(at + 1)).toBe(seed.slice(at + 1));
      cells.add(String(at));
      // The edit is one a buffer's check reuses its parse for.
      expect(checkEditedText({ ...check.result.source, text }, { verifySuggestions: false }, check).reusedParse).toBe(true);
    }
    expect(cells.size).toBe(6);
    const unread = checkEditedText({ name: 'b.txt', format: 'txt', encoding: 'utf-8', text: 'no report here' }, {});
    expect(cellTypedOver(unread, 0)).toBeUndefined();
  });
});
