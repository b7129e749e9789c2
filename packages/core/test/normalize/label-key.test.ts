import { describe, expect, it } from 'vitest';
import { labelKey } from '../../src/normalize/index.js';

describe('labelKey', () => {
  const canonical = labelKey('（二）部分公开(区分处理的，只计这一情形，不计其他情形)');

  it.each([
    '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
    '(二) 部分公开(区分处理的, 只计这一情形, 不计其他情形)',
    '(二)部分公開(區分處理的,只計這一情形,不計其他情形)',
    '(二)部分公(gōng)開(區分處(chù)理的,只計這一情形,不計其他情形)',
    '（二）部分公开\n（区分处理的，只计\n这一情形，不计其他情形）',
    '【二】部分公开〔区分处理的，只计这一情形，不计其他情形〕',
    '（二）部分公开（区分处理的、只计这一情形。不计其他情形）',
    '㈡部分公开(区分处理的，只计这一情形，不计其他情形)',
  ])('matches %s', (variant) => {
    expect(labelKey(variant)).toBe(canonical);
  });

  it('unifies quotes, colons, slashes and list marks', () => {
    expect(labelKey('3.危及“三安全一稳定”')).toBe(labelKey('3．危及"三安全一穩(wěn)定"'));
    expect(labelKey('1、本机关不掌握相关政府信息')).toBe(labelKey('1. 本機關不掌握相關政府信息'));
    expect(labelKey('本年收费金额（单位：万元）')).toBe(labelKey('本年收费金额(单位:万元)'));
    expect(labelKey('行政复议／行政诉讼')).toBe(labelKey('行政复议/行政诉讼'));
  });

  it('keeps different labels apart', () => {
    expect(labelKey('（一）予以公开')).not.toBe(labelKey('（二）予以公开'));
    expect(labelKey('行政许可')).not.toBe(labelKey('行政处罚'));
    expect(labelKey('规章')).not.toBe(labelKey('规范性文件'));
  });
});
