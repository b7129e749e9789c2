import type { AxisNode } from '@nianbao/core';
import { describe, expect, it } from 'vitest';
import { headerRows } from '../../src/reports/report-tables.js';
import { serverMessage } from '../../src/l10n/index.js';
import { ServerSettings } from '../../src/settings/index.js';

const node = (id: string, label: string, children: AxisNode[] = []): AxisNode => ({ id, label, aliases: [], children });

describe('headerRows', () => {
  it('spans groups over their leaves and leaves over the remaining depth', () => {
    const rows = headerRows(
      [node('p', '自然人'), node('org', '法人或其他组织', [node('a', '商业企业'), node('b', '其他')]), node('t', '总计')],
      '',
    );
    expect(rows).toEqual([
      [
        { label: '', colspan: 1, rowspan: 2 },
        { label: '自然人', colspan: 1, rowspan: 2 },
        { label: '法人或其他组织', colspan: 2, rowspan: 1 },
        { label: '总计', colspan: 1, rowspan: 2 },
      ],
      [
        { label: '商业企业', colspan: 1, rowspan: 1 },
        { label: '其他', colspan: 1, rowspan: 1 },
      ],
    ]);
  });
});

describe('ServerSettings and messages', () => {
  it('defaults to zh-CN and reads lenient settings', () => {
    const settings = new ServerSettings();
    expect(settings.value).toMatchObject({ locale: 'zh-CN', template: 'auto', include: [], debounceMs: 150 });
    let changes = 0;
    settings.onChange(() => changes++);
    settings.update({ locale: 'en-US', reports: { include: ['a/*.md', 3] }, diagnostics: { debounceMs: 0 } });
    expect(settings.value).toMatchObject({ locale: 'en', include: ['a/*.md'], debounceMs: 0 });
    settings.update({ locale: '', template: ' gov-disclosure-2021 ', diagnostics: { debounceMs: -5 } });
    expect(settings.value).toMatchObject({ locale: 'en', template: 'gov-disclosure-2021', debounceMs: 0 });
    settings.update(null);
    settings.update('nonsense');
    expect(changes).toBe(2);
  });

  it('fills placeholders in both languages', () => {
    expect(serverMessage('zh-CN', 'expected', { expected: 2 })).toBe('应为 2');
    expect(serverMessage('en', 'expected', { expected: 2 })).toBe('expected 2');
  });
});
