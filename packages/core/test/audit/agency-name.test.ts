import { describe, expect, it } from 'vitest';
import { agencyKey } from '../../src/audit/index.js';

describe('agencyKey', () => {
  it('drops the higher divisions a title writes before the agency\'s own place', () => {
    expect(agencyKey('淮安市洪泽区人民政府')).toBe('洪泽区人民政府');
    expect(agencyKey('江苏省淮安市洪泽区人民政府')).toBe('洪泽区人民政府');
    expect(agencyKey('江苏省淮安市人民政府')).toBe('淮安市人民政府');
  });

  it('keeps the place of an agency that has no lower place', () => {
    expect(agencyKey('淮安市人民政府')).toBe('淮安市人民政府');
    expect(agencyKey('淮安市公安局')).toBe('淮安市公安局');
    expect(agencyKey('淮安市市场监督管理局')).toBe('淮安市市场监督管理局');
    expect(agencyKey('济宁市公安局高新区分局')).toBe('济宁市公安局高新区分局');
  });

  it('folds whitespace, width, punctuation and Traditional script', () => {
    expect(agencyKey(' 洪澤區 人民政府 ')).toBe('洪泽区人民政府');
    expect(agencyKey('洪泽区人民政府（办公室）')).toBe('洪泽区人民政府办公室');
  });
});
