import { describe, expect, it } from 'vitest';
import { catalogue } from '../../src/messages/catalogue.js';
import { interpolate, templateParts, type MessageParams } from '../../src/messages/format-message.js';

/** The placeholders replaced by a regular expression, as `interpolate` did before it split templates once. */
function reference(template: string, params: MessageParams): string {
  return template.replace(/\{([A-Za-z_][\w.-]*)\}/g, (whole, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : whole,
  );
}

describe('interpolate', () => {
  it('splits a template at its placeholders: texts at the even indexes, names at the odd ones', () => {
    expect(templateParts('无占位符')).toEqual(['无占位符']);
    expect(templateParts('{a}{b.c}')).toEqual(['', 'a', '', 'b.c', '']);
    expect(templateParts('“{cell}”为 {value}。')).toEqual(['“', 'cell', '”为 ', 'value', '。']);
    // Not placeholders: empty, starting with a digit, with a space.
    expect(templateParts('{} {1a} {a b}')).toEqual(['{} {1a} {a b}']);
  });

  it('fills every catalogue message as the replacement by a regular expression does', () => {
    const values: MessageParams[] = [
      {},
      { cell: '（一）·本年新收', value: 12, count: 0, heading: '$& {cell} $1', table: '{table}' },
    ];
    for (const [key, entry] of Object.entries(catalogue)) {
      for (const template of Object.values(entry as Record<string, string>)) {
        const names = [...template.matchAll(/\{([A-Za-z_][\w.-]*)\}/g)].map((m) => m[1]);
        const all = Object.fromEntries(names.map((name, i) => [name, i % 2 === 0 ? `值${i}$'` : i]));
        for (const params of [...values, all]) expect(interpolate(template, params), key).toBe(reference(template, params));
      }
    }
  });

  it('leaves a placeholder without a value as written, and not one inherited from the prototype', () => {
    expect(interpolate('{a}-{b}-{toString}', { a: 1 })).toBe('1-{b}-{toString}');
  });

  it('stays right past the number of templates it keeps split', () => {
    for (let i = 0; i < 5000; i++) expect(interpolate(`第${i}项：{n}`, { n: i })).toBe(`第${i}项：${i}`);
    expect(interpolate('第0项：{n}', { n: 'x' })).toBe('第0项：x');
  });
});
