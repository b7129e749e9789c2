/**
 * The end of a generator script: with `--check`, exits 1 when `file` differs from `text` (stale), else
 * writes it. `command` is how to run the script, for the message.
 */
import { readFile, writeFile } from 'node:fs/promises';

export async function writeGeneratedFile(file: string, text: string, command: string): Promise<void> {
  if (process.argv.includes('--check')) {
    const current = await readFile(file, 'utf8').catch(() => '');
    if (current !== text) {
      console.error(`${file} is stale: run ${command}`);
      process.exit(1);
    }
    console.log(`${file} is up to date.`);
  } else {
    await writeFile(file, text);
    console.log(`Wrote ${file}.`);
  }
}
