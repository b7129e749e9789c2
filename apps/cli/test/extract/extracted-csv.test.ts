import { describe, expect, it } from 'vitest';
import { csvField, extractedCsv, type ExtractedReport } from '../../src/extract/index.js';

const sample: ExtractedReport = {
  template: 'gov-disclosure-2019',
  report: { year: 2020, agency: '某局' },
  source: { reader: 'txt', encoding: 'utf-8' },
  tables: [
    {
      id: 'purchase',
      label: '第二十条第（九）项',
      rows: [
        {
          id: 'centralPurchase',
          label: '政府集中采购',
          cells: [
            {
              id: 'purchase.centralPurchase.amount',
              column: { id: 'amount', label: '采购总金额' },
              raw: '94.52万元',
              value: 94.52,
              state: 'number',
              unit: '万元',
              range: { start: { line: 40, character: 2 }, end: { line: 40, character: 9 } },
            },
            {
              id: 'purchase.centralPurchase.count',
              column: { id: 'count', label: '采购项目数量' },
              raw: '约"3",件',
              value: null,
              state: 'approximate',
              range: null,
            },
          ],
        },
      ],
    },
  ],
};

describe('extract csv', () => {
  it('starts with a UTF-8 BOM and a header, one CRLF row per cell', () => {
    const csv = extractedCsv(sample);
    expect(csv.startsWith('\uFEFFtable,table_label,row,row_label,column,column_label,cell,raw,value,state,unit,line,character,row_confidence\r\n')).toBe(true);
    const rows = csv.slice(1).split('\r\n');
    expect(rows).toHaveLength(4); // header, two cells, final empty string
    expect(rows[1]).toBe('purchase,第二十条第（九）项,centralPurchase,政府集中采购,amount,采购总金额,purchase.centralPurchase.amount,94.52万元,94.52,number,万元,40,2,');
    expect(rows[2]).toBe('purchase,第二十条第（九）项,centralPurchase,政府集中采购,count,采购项目数量,purchase.centralPurchase.count,"约""3"",件",,approximate,,,,');
  });

  it('quotes only what must be quoted', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('line\nbreak')).toBe('"line\nbreak"');
    expect(csvField(' padded')).toBe('" padded"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
  });
});
