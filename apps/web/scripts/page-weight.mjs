// Prints the weight of the built page (dist/, or the folder given): each file it loads, raw and
// gzip-compressed (level 9), the total a text or web-page report loads (everything but the Word reader's
// chunk) and what opening a .docx adds.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const dist = process.argv[2] ? path.resolve(process.argv[2]) : path.join(path.dirname(path.dirname(fileURLToPath(import.meta.url))), 'dist');
// The files the page loads: index.html, then every file of dist/ named in a file already found (a chunk
// imports others by name). A build restored from turbo's cache over an older one leaves that build's
// files in dist/ too; they are not the page.
const available = new Map();
const walk = (dir) => {
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) walk(file);
    else if (/\.(html|js|css)$/u.test(name)) available.set(name, file);
  }
};
walk(dist);
const files = [path.join(dist, 'index.html')];
const found = new Set(['index.html']);
for (let i = 0; i < files.length; i++) {
  const text = readFileSync(files[i], 'utf8');
  for (const [name, file] of available) {
    if (found.has(name) || !text.includes(name)) continue;
    found.add(name);
    files.push(file);
  }
}
// The Word reader (core's read/docx/convert-docx.ts and what it imports) is the chunk the worker imports
// only for .docx files.
const isWordChunk = (file) => path.basename(file).startsWith('convert-docx');
let page = { raw: 0, gzip: 0 };
let word = { raw: 0, gzip: 0 };
for (const file of files) {
  const bytes = readFileSync(file);
  const size = { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length };
  const target = isWordChunk(file) ? word : page;
  target.raw += size.raw;
  target.gzip += size.gzip;
  console.log(`${path.relative(dist, file)}  ${(size.raw / 1024).toFixed(1)} KiB, gzip ${(size.gzip / 1024).toFixed(1)} KiB`);
}
console.log(`page weight: ${(page.raw / 1024).toFixed(0)} KiB, gzip ${(page.gzip / 1024).toFixed(0)} KiB; a .docx adds ${(word.raw / 1024).toFixed(0)} KiB, gzip ${(word.gzip / 1024).toFixed(0)} KiB`);
