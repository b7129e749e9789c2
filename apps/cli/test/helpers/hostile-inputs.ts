import { readFileSync } from 'node:fs';
import path from 'node:path';
import { crc32, deflateRawSync, constants } from 'node:zlib';
import { builtinTemplates } from '@nianbao/core';
import { generateReport } from '../../../../packages/core/bench/report-generator.js';
import { seedNames, seedsDir } from './run-cli.js';

/**
 * The hostile inputs of issue 12's "must show": a report of about 1 MB on one line, a page nesting its
 * tags 10⁵ deep, and a .docx whose document.xml inflates to about a gigabyte.
 */

/** A generated report of the current format, about 1 MB of UTF-8, every line break removed. */
export function oneLineReport(): string {
  const template = builtinTemplates.find((candidate) => candidate.id === 'gov-disclosure-2021')!;
  const report = generateReport(template, { layout: 'space', seed: 11, year: template.years.from + 1, proseChars: 340_000 });
  return report.text.replace(/\r\n|\r|\n/g, '');
}

/**
 * A real report (seed 3, with its errors) on one line, repeated on that line to `bytes` or more: a page
 * crawled as one line, its content captured again and again. Every copy's tables stand on the one line.
 */
export function repeatedOneLineReport(bytes: number): string {
  const once = `${readFileSync(path.join(seedsDir, seedNames[3]), 'utf8').replace(/\r\n|\r|\n/g, ' ')} `;
  return once.repeat(Math.ceil(bytes / Buffer.byteLength(once)));
}

/** A seed report inside `depth` nested `<div>`s. */
export function deeplyNestedPage(depth: number): string {
  const seed = readFileSync(path.join(seedsDir, seedNames[0]), 'utf8');
  return `<html><body>${'<div>'.repeat(depth)}${seed}${'</div>'.repeat(depth)}</body></html>`;
}

/**
 * A .docx (a ZIP) whose word/document.xml inflates to `megabytes` MB of spaces inside one paragraph,
 * with true sizes and checksums: one megabyte deflated once (ending on a full flush, so the block stands
 * alone) and repeated, about a kilobyte per inflated megabyte.
 */
export function zipBomb(megabytes: number): Uint8Array {
  const head = Buffer.from('<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>');
  const tail = Buffer.from('</w:t></w:r></w:p></w:body></w:document>');
  const megabyte = Buffer.alloc(1 << 20, 0x20);
  const full = (data: Buffer): Buffer => deflateRawSync(data, { flush: constants.Z_FULL_FLUSH, finishFlush: constants.Z_FULL_FLUSH });
  const headBlock = full(head);
  const block = full(megabyte);
  const tailBlock = deflateRawSync(tail);
  const compressed = Buffer.concat([headBlock, ...Array<Buffer>(megabytes).fill(block), tailBlock]);
  let crc = crc32(head);
  for (let i = 0; i < megabytes; i++) crc = crc32(megabyte, crc);
  crc = crc32(tail, crc);
  const size = head.length + megabytes * megabyte.length + tail.length;
  const types = Buffer.from(
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
      '<Default Extension="xml" ContentType="application/xml"/></Types>',
  );
  return zip([
    { name: '[Content_Types].xml', data: types, crc: crc32(types), size: types.length, method: 0 },
    { name: 'word/document.xml', data: compressed, crc, size, method: 8 },
  ]);
}

interface ZipEntry {
  name: string;
  /** The stored bytes (deflated when `method` is 8). */
  data: Buffer;
  crc: number;
  /** Uncompressed size. */
  size: number;
  method: 0 | 8;
}

function zip(entries: ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.method, 8);
    local.writeUInt32LE(entry.crc >>> 0, 14);
    local.writeUInt32LE(entry.data.length, 18);
    local.writeUInt32LE(entry.size, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.method, 10);
    central.writeUInt32LE(entry.crc >>> 0, 16);
    central.writeUInt32LE(entry.data.length, 20);
    central.writeUInt32LE(entry.size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, entry.data);
    centrals.push(central, name);
    offset += local.length + name.length + entry.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}
