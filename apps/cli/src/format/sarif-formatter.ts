import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeDescription, isDiagnosticCode, type LocalizedText, type Severity } from '@nianbao/core';
import type { FileOutcome, OutputDiagnostic, Range, RunSummary } from '../outcome/index.js';
import type { Formatter, FormatterContext } from './formatter.js';

/** Where SARIF paths are relative to. */
const sourceRoot = 'SRCROOT';

/** SARIF levels for our severities. */
const sarifLevel: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

/** What the SARIF formatter needs besides the outcomes. */
export interface SarifOptions {
  /** Tool version (the CLI's package version). */
  version: string;
  /** Directory relative paths are relative to (becomes `%SRCROOT%`). */
  cwd: string;
}

interface SarifRule {
  id: string;
  shortDescription: { text: string };
  messageStrings: Record<string, { text: string }>;
  defaultConfiguration: { level: 'error' | 'warning' | 'note' };
  properties: { category: string };
}

/**
 * `--format sarif`: a SARIF 2.1.0 log with one run. Rules are the diagnostic codes met, described by the
 * core's catalogue in the output locale (`shortDescription`) and in both languages (`messageStrings`,
 * keyed by locale). Positions are 1-based lines and columns counted in UTF-16 code units (`columnKind`).
 * Related locations, fixes (from suggestions) and a partial fingerprint come with every result.
 */
export class SarifFormatter implements Formatter {
  private readonly rules = new Map<string, { index: number; rule: SarifRule }>();
  private readonly artifacts: object[] = [];
  private readonly results: object[] = [];
  private readonly notifications: object[] = [];

  constructor(
    private readonly context: Pick<FormatterContext, 'write' | 'locale'>,
    private readonly options: SarifOptions,
  ) {}

  file(outcome: FileOutcome): void {
    if (!outcome.result) {
      this.notifications.push({
        level: 'error',
        message: { text: outcome.failure ?? outcome.path },
        locations: [{ physicalLocation: { artifactLocation: this.artifactLocation(outcome.path) } }],
      });
      return;
    }
    const artifactIndex = this.artifacts.length;
    this.artifacts.push({ location: this.artifactLocation(outcome.path) });
    const location = { ...this.artifactLocation(outcome.path), index: artifactIndex };
    const seen = new Map<string, number>();
    outcome.result.diagnostics.forEach((diagnostic, i) => {
      const extras = outcome.extras[i];
      const ruleIndex = this.ruleFor(diagnostic);
      const fingerprint = extras?.fingerprint ?? diagnostic.code;
      const occurrence = seen.get(fingerprint) ?? 0;
      seen.set(fingerprint, occurrence + 1);
      const properties: Record<string, unknown> = { category: diagnostic.category };
      if (extras?.rule) properties.rule = extras.rule;
      if (extras?.cells?.length) properties.cells = extras.cells;
      if (diagnostic.expected !== undefined) properties.expected = diagnostic.expected;
      if (diagnostic.actual !== undefined) properties.actual = diagnostic.actual;
      this.results.push({
        ruleId: diagnostic.code,
        ruleIndex,
        level: sarifLevel[diagnostic.severity],
        message: { text: diagnostic.message },
        locations: [{ physicalLocation: { artifactLocation: location, region: region(diagnostic.range) } }],
        relatedLocations: diagnostic.related.map((related, id) => ({
          id,
          message: { text: related.message },
          physicalLocation: { artifactLocation: location, region: region(related.range) },
        })),
        fixes: diagnostic.suggestions.map((suggestion) => ({
          description: { text: suggestion.message },
          artifactChanges: [
            {
              artifactLocation: location,
              replacements: suggestion.edits.map((edit) => ({
                deletedRegion: region(edit.range),
                insertedContent: { text: edit.newText },
              })),
            },
          ],
        })),
        partialFingerprints: { 'nianbaoFinding/v1': `${fingerprint}:${occurrence}` },
        properties,
      });
    });
  }

  finish(_summary: RunSummary): void {
    const run = {
      tool: {
        driver: {
          name: 'nianbao',
          informationUri: 'https://www.npmjs.com/package/@nianbao/cli',
          version: this.options.version,
          semanticVersion: this.options.version,
          language: this.context.locale,
          rules: [...this.rules.values()].map((entry) => entry.rule),
        },
      },
      invocations: [
        {
          executionSuccessful: this.notifications.length === 0,
          toolExecutionNotifications: this.notifications,
        },
      ],
      originalUriBaseIds: { [sourceRoot]: { uri: pathToFileURL(this.options.cwd + path.sep).href } },
      artifacts: this.artifacts,
      results: this.results,
      language: this.context.locale,
      columnKind: 'utf16CodeUnits',
    };
    const log = {
      $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
      version: '2.1.0',
      runs: [run],
    };
    this.context.write(`${JSON.stringify(log, null, 2)}\n`);
  }

  private ruleFor(diagnostic: OutputDiagnostic): number {
    const known = this.rules.get(diagnostic.code);
    if (known) return known.index;
    const text: LocalizedText = isDiagnosticCode(diagnostic.code)
      ? codeDescription(diagnostic.code)
      : { 'zh-CN': diagnostic.code, en: diagnostic.code };
    const rule: SarifRule = {
      id: diagnostic.code,
      shortDescription: { text: text[this.context.locale] },
      messageStrings: { 'zh-CN': { text: text['zh-CN'] }, en: { text: text.en } },
      defaultConfiguration: { level: sarifLevel[diagnostic.severity] },
      properties: { category: diagnostic.category },
    };
    const index = this.rules.size;
    this.rules.set(diagnostic.code, { index, rule });
    return index;
  }

  private artifactLocation(displayPath: string): { uri: string; uriBaseId?: string } {
    if (displayPath === '<stdin>') return { uri: 'stdin' };
    if (path.isAbsolute(displayPath)) return { uri: pathToFileURL(displayPath).href };
    const segments = path.normalize(displayPath).split(path.sep).map(encodeURIComponent);
    if (segments[0] === '..') return { uri: pathToFileURL(path.resolve(this.options.cwd, displayPath)).href };
    return { uri: segments.join('/'), uriBaseId: sourceRoot };
  }
}

function region(range: Range): { startLine: number; startColumn: number; endLine: number; endColumn: number } {
  return {
    startLine: range.start.line + 1,
    startColumn: range.start.character + 1,
    endLine: range.end.line + 1,
    endColumn: range.end.character + 1,
  };
}
