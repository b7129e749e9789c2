import type { Severity } from '@nianbao/core';
import type { FileOutcome, OutputDiagnostic, RunSummary } from '../outcome/index.js';
import { displayWidth, widestOf } from '../terminal/display-width.js';
import type { StyleName } from '../terminal/style.js';
import { frameLine } from './code-frame.js';
import type { Formatter, FormatterContext } from './formatter.js';

const severityStyle: Record<Severity, StyleName> = { error: 'red', warning: 'yellow', info: 'blue' };

/**
 * Human output in the manner of ESLint's "stylish": the file path, then one line per finding
 * (`line:column  severity  message  code`, 1-based as editors count), the source line with a caret
 * under the range, the first suggested fix; at the end a summary with counts per code. A file `--fix`
 * rewrote says so under its path, also when nothing remains to report.
 */
export class PrettyFormatter implements Formatter {
  constructor(private readonly context: FormatterContext) {}

  file(outcome: FileOutcome): void {
    const { write, style, t } = this.context;
    const result = outcome.result;
    if (!result) return; // failures are reported on stderr
    if (result.template === null) {
      write(`${style('underline', outcome.path)}\n  ${style('yellow', t('no-template'))}\n`);
      // Why (e.g. the pre-template format, and which template the report year calls for).
      for (const diagnostic of result.diagnostics) {
        write(`  ${style(severityStyle[diagnostic.severity], t(`severity-${diagnostic.severity}`))}  ${diagnostic.message}  ${style('gray', diagnostic.code)}\n`);
      }
      write('\n');
      return;
    }
    const fixed = outcome.fix?.applied ?? 0;
    if (result.diagnostics.length === 0 && fixed === 0) return;
    write(`${style('underline', outcome.path)}  ${style('gray', result.template.id)}\n`);
    // What --fix wrote into this file: the findings below are those of the fixed text.
    if (fixed > 0) write(`  ${style('green', '✔')} ${t(result.diagnostics.length === 0 ? 'file-fixed-clean' : 'file-fixed', { n: fixed })}\n`);
    if (result.diagnostics.length === 0) {
      write('\n');
      return;
    }
    const positions = result.diagnostics.map((d) => `${d.range.start.line + 1}:${d.range.start.character + 1}`);
    const severities = result.diagnostics.map((d) => t(`severity-${d.severity}`));
    const positionWidth = widestOf(positions, (p) => p.length);
    const severityWidth = widestOf(severities);
    const indent = 2 + positionWidth + 2;
    result.diagnostics.forEach((diagnostic, i) => {
      const severity = pad(severities[i], severityWidth);
      write(
        `  ${style('dim', positions[i].padStart(positionWidth))}  ${style(severityStyle[diagnostic.severity], severity)}` +
          `  ${diagnostic.message}  ${style('gray', diagnostic.code)}\n`,
      );
      this.writeFrame(outcome, diagnostic, indent);
      const suggestion = diagnostic.suggestions[0];
      if (suggestion) write(`${' '.repeat(indent)}${style('green', '→')} ${style('dim', suggestion.message)}\n`);
    });
    write('\n');
  }

  finish(summary: RunSummary): void {
    const { write, style, t } = this.context;
    const total = summary.errors + summary.warnings + summary.infos;
    const files = t('files-checked', { n: summary.files });
    if (total === 0) {
      const tick = summary.failed === 0 && summary.unrecognised === 0 ? `${style('green', '✔')} ` : '';
      write(`${tick}${files}${t('list-separator')}${t('no-problems')}\n`);
    } else {
      const parts = [t('errors', { n: summary.errors }), t('warnings', { n: summary.warnings })];
      if (summary.infos > 0) parts.push(t('infos', { n: summary.infos }));
      const colour: StyleName = summary.errors > 0 ? 'red' : summary.warnings > 0 ? 'yellow' : 'blue';
      const line = `✖ ${t('problems', { total, details: parts.join(t('list-separator')) })}`;
      write(`${style([colour, 'bold'], line)}\n  ${files}\n`);
    }
    if (summary.failed > 0) write(`  ${style('red', t('files-failed', { n: summary.failed }))}\n`);
    if (summary.unrecognised > 0) write(`  ${style('yellow', t('files-unrecognised', { n: summary.unrecognised }))}\n`);
    if (summary.fixes > 0) write(`  ${style('green', t('files-fixed', { n: summary.fixedFiles, fixes: summary.fixes }))}\n`);
    if (summary.byCode.size > 0) {
      write(`  ${t('by-code')}\n`);
      const codes = [...summary.byCode.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
      const codeWidth = widestOf(codes.map(([code]) => code), (code) => code.length);
      for (const [code, counts] of codes) {
        const parts: string[] = [];
        if (counts.errors) parts.push(style('red', t('errors', { n: counts.errors })));
        if (counts.warnings) parts.push(style('yellow', t('warnings', { n: counts.warnings })));
        if (counts.infos) parts.push(style('blue', t('infos', { n: counts.infos })));
        write(`    ${code.padEnd(codeWidth)}  ${parts.join(t('list-separator'))}\n`);
      }
    }
  }

  private writeFrame(outcome: FileOutcome, diagnostic: OutputDiagnostic, indent: number): void {
    const { write, style } = this.context;
    const { start, end } = diagnostic.range;
    const line = outcome.lines[start.line];
    // Not `line.trim()`: a copy of the line per finding, and a report may be one line of a megabyte.
    if (line === undefined || !/\S/.test(line)) return;
    const endCharacter = end.line === start.line ? end.character : line.length;
    const maxWidth = Math.max(40, (this.context.columns ?? 120) - indent - 2);
    const framed = frameLine(line, start.character, endCharacter, maxWidth);
    const gutter = ' '.repeat(indent);
    write(`${gutter}${style('gray', '│')} ${framed.text}\n`);
    const caret = ' '.repeat(framed.caretColumn) + '^'.repeat(framed.caretWidth);
    write(`${gutter}${style('gray', '│')} ${style(severityStyle[diagnostic.severity], caret)}\n`);
  }
}

function pad(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}
