import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { codeDescription, isDiagnosticCode, type LocalizedText, type Severity } from '@nianbao/core';
import type { DiagnosticExtras, FileOutcome, FixReport, OutputDiagnostic, OutputRelated, Range, RunSummary } from '../outcome/index.js';
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

/** SARIF `baselineState` of a result compared with a baseline file. */
export type BaselineState = 'new' | 'unchanged';

/** A SARIF `notification` of the run's invocation: an input that could not be checked, or fixes not written. */
interface SarifNotification {
  level: 'error' | 'warning';
  message: { text: string };
  locations: Array<{ physicalLocation: { artifactLocation: { uri: string; uriBaseId?: string } } }>;
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
  private readonly artifactIndex = new Map<string, number>();
  private readonly notifications: SarifNotification[] = [];
  private results = 0;

  constructor(
    private readonly context: Pick<FormatterContext, 'write' | 'locale'>,
    private readonly options: SarifOptions,
  ) {}

  /**
   * Writes the results of one file at once (the log streams: results first, the run's tables at the
   * end). `states`, parallel to the diagnostics, sets each result's `baselineState`; an `unchanged`
   * result (acknowledged in the baseline) is written as externally suppressed.
   */
  file(outcome: FileOutcome, states?: readonly BaselineState[]): void {
    if (!outcome.result) {
      this.notifications.push({
        level: 'error',
        message: { text: outcome.failure ?? outcome.path },
        locations: [{ physicalLocation: { artifactLocation: this.artifactLocation(outcome.path) } }],
      });
      return;
    }
    const location = this.artifactFor(outcome.path);
    if (outcome.fix) this.noteFix(outcome.path, location.index, outcome.fix);
    const seen = new Map<string, number>();
    outcome.result.diagnostics.forEach((diagnostic, i) => {
      const extras = outcome.extras[i];
      const fingerprint = extras?.fingerprint ?? diagnostic.code;
      const occurrence = seen.get(fingerprint) ?? 0;
      seen.set(fingerprint, occurrence + 1);
      this.writeResult(diagnostic, location, () => location, `${fingerprint}:${occurrence}`, extras, states?.[i]);
    });
  }

  /** Writes a finding whose related locations may be in other files (audits: the previous year's report). */
  finding(path: string, diagnostic: OutputDiagnostic & { related: Array<OutputRelated & { path?: string }> }, fingerprint: string, extras: DiagnosticExtras, state?: BaselineState): void {
    const location = this.artifactFor(path);
    this.writeResult(diagnostic, location, (index) => this.artifactFor(diagnostic.related[index].path ?? path), fingerprint, extras, state);
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
          executionSuccessful: !this.notifications.some((notification) => notification.level === 'error'),
          toolExecutionNotifications: this.notifications,
        },
      ],
      originalUriBaseIds: { [sourceRoot]: { uri: pathToFileURL(this.options.cwd + path.sep).href } },
      artifacts: this.artifacts,
      language: this.context.locale,
      columnKind: 'utf16CodeUnits',
    };
    if (this.results === 0) this.writeHeader();
    // The run's remaining properties after its results (property order carries no meaning in JSON).
    this.context.write(`\n      ],\n${JSON.stringify(run, null, 2).replace(/^\{\n/u, '').replace(/\n/gu, '\n    ')}\n  ]\n}\n`);
  }

  private writeHeader(): void {
    this.context.write('{\n  "$schema": "https://json.schemastore.org/sarif-2.1.0.json",\n  "version": "2.1.0",\n  "runs": [\n    {\n      "results": [');
  }

  private writeResult(
    diagnostic: OutputDiagnostic,
    location: { uri: string; uriBaseId?: string; index: number },
    relatedLocation: (index: number) => { uri: string; uriBaseId?: string; index: number },
    fingerprint: string,
    extras: DiagnosticExtras | undefined,
    state: BaselineState | undefined,
  ): void {
    const ruleIndex = this.ruleFor(diagnostic);
    const properties: Record<string, unknown> = { category: diagnostic.category };
    if (extras?.rule) properties.rule = extras.rule;
    if (extras?.cells?.length) properties.cells = extras.cells;
    if (diagnostic.expected !== undefined) properties.expected = diagnostic.expected;
    if (diagnostic.actual !== undefined) properties.actual = diagnostic.actual;
    const result = {
      ruleId: diagnostic.code,
      ruleIndex,
      level: sarifLevel[diagnostic.severity],
      message: { text: diagnostic.message },
      locations: [{ physicalLocation: { artifactLocation: location, region: region(diagnostic.range) } }],
      relatedLocations: diagnostic.related.map((related, id) => ({
        id,
        message: { text: related.message },
        physicalLocation: { artifactLocation: relatedLocation(id), region: region(related.range) },
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
      partialFingerprints: { 'nianbaoFinding/v1': fingerprint },
      ...(state && { baselineState: state }),
      ...(state === 'unchanged' && { suppressions: [{ kind: 'external', justification: 'acknowledged in the baseline file' }] }),
      properties,
    };
    if (this.results === 0) this.writeHeader();
    this.context.write(`${this.results === 0 ? '\n' : ',\n'}        ${JSON.stringify(result)}`);
    this.results++;
  }

  private artifactFor(displayPath: string): { uri: string; uriBaseId?: string; index: number } {
    let index = this.artifactIndex.get(displayPath);
    if (index === undefined) {
      index = this.artifacts.length;
      this.artifacts.push({ location: this.artifactLocation(displayPath) });
      this.artifactIndex.set(displayPath, index);
    }
    return { ...this.artifactLocation(displayPath), index };
  }

  /**
   * What `--fix` did to a file: rewritten, its artifact has the role `modified` and the number of fixes
   * written (`properties.fixesApplied`; its results are those of the fixed text); fixes that could not be
   * written (its format, its encoding) are a warning notification saying why.
   */
  private noteFix(displayPath: string, index: number, fix: FixReport): void {
    if (fix.applied > 0) {
      this.artifacts[index] = { ...this.artifacts[index], roles: ['analysisTarget', 'modified'], properties: { fixesApplied: fix.applied } };
    }
    if (fix.skipped !== undefined) {
      this.notifications.push({
        level: 'warning',
        message: { text: fix.skipped },
        locations: [{ physicalLocation: { artifactLocation: this.artifactLocation(displayPath) } }],
      });
    }
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
