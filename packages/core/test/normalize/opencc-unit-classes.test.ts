import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { openccUnitClassRanges } from '../../src/generated/opencc-unit-classes.js';
import { classifyOpenccUnits, MAY_CHANGE, renderOpenccUnitClassesModule, UNCHANGED, UNMATCHABLE, unitClassesFromRanges, unitClassRanges, WHOLE_TEXT } from '../../src/normalize/opencc-unit-classes.js';
import { expectGeneratedFilesCurrent } from '../generator-script.js';

const generatedFile = fileURLToPath(new URL('../../src/generated/opencc-unit-classes.ts', import.meta.url));

describe('the generated classes of UTF-16 units for the Traditional → Simplified conversion', () => {
  it('src/generated/opencc-unit-classes.ts is what the OpenCC dictionaries give (run `node packages/core/scripts/generate-opencc-unit-classes.ts` when this fails)', () => {
    const classes = classifyOpenccUnits();
    expect(unitClassesFromRanges(openccUnitClassRanges)).toEqual(classes);
    expect(readFileSync(generatedFile, 'utf8') === renderOpenccUnitClassesModule(classes), 'generated module text is stale').toBe(true);
  });

  it('classes every character some entry changes as one that may change, and those in no key as cuts', () => {
    const classes = unitClassesFromRanges(openccUnitClassRanges);
    const at = (text: string) => classes[text.charCodeAt(0)];
    for (const changed of ['發', '開', '條', '臺', '群', '覆']) expect(at(changed), changed).toBe(MAY_CHANGE);
    for (const cut of ['，', '。', ' ', '\n', '1', 'a']) expect(at(cut), JSON.stringify(cut)).toBe(UNMATCHABLE);
    expect(at('\u2ff0')).toBe(WHOLE_TEXT);
    expect(at('\ud840')).toBeGreaterThanOrEqual(UNCHANGED);
  });

  it('keeps every class through its ranges', () => {
    const classes = new Uint8Array(0x10000);
    for (let unit = 0; unit < classes.length; unit++) classes[unit] = (unit * 7919) % 11 < 3 ? (unit % 4) : 0;
    classes[0xffff] = MAY_CHANGE;
    expect(unitClassesFromRanges(unitClassRanges(classes))).toEqual(classes);
  });

  it('the generator script itself runs on Node and finds the file current', () => {
    expectGeneratedFilesCurrent('packages/core/scripts/generate-opencc-unit-classes.ts');
  }, 70_000);
});
