import { describe, expect, it } from 'vitest';
import { SarifFormatter } from '../../src/format/index.js';
import { addToSummary, emptySummary } from '../../src/outcome/index.js';
import { sarifValidator } from '../helpers/sarif-schema.js';
import { failedOutcome, sampleOutcome } from './sample-outcomes.js';

function sarifOf(outcomes = [sampleOutcome(0, 'reports/a.txt'), sampleOutcome(1, 'reports/b c.txt'), failedOutcome(2)], locale: 'zh-CN' | 'en' = 'zh-CN') {
  let out = '';
  const formatter = new SarifFormatter({ write: (s) => (out += s), locale }, { version: '0.1.0', cwd: '/work/x' });
  const summary = emptySummary();
  for (const outcome of outcomes) {
    addToSummary(summary, outcome);
    formatter.file(outcome);
  }
  formatter.finish(summary);
  return JSON.parse(out);
}

describe('sarif formatter', () => {
  const validate = sarifValidator();

  it('writes a log that the SARIF 2.1.0 schema accepts', () => {
    expect(validate(sarifOf())).toEqual([]);
    expect(validate(sarifOf([], 'en'))).toEqual([]);
  });

  it('the validator is not a rubber stamp', () => {
    const log = sarifOf();
    log.runs[0].results[0].level = 'fatal';
    delete log.version;
    expect(validate(log).length).toBeGreaterThan(0);
  });

  it('describes rules in both languages and keys results to them', () => {
    const run = sarifOf().runs[0];
    const rule = run.tool.driver.rules.find((r: { id: string }) => r.id === 'arithmetic/equation');
    expect(rule.shortDescription.text).toBe('表内勾稽关系不成立');
    expect(rule.messageStrings).toEqual({
      'zh-CN': { text: '表内勾稽关系不成立' },
      en: { text: 'A table equation does not hold' },
    });
    expect(run.tool.driver.rules).toHaveLength(2);
    expect(run.results).toHaveLength(4);
    expect(run.columnKind).toBe('utf16CodeUnits');
  });

  it('describes rules in the output locale from the core catalogue; an unknown code names itself', () => {
    const run = sarifOf(undefined, 'en').runs[0];
    const descriptions = Object.fromEntries(
      run.tool.driver.rules.map((r: { id: string; shortDescription: { text: string } }) => [r.id, r.shortDescription.text]),
    );
    expect(descriptions).toEqual({ 'arithmetic/equation': 'A table equation does not hold', 'quality/pinyin': 'Injected Pinyin readings' });

    const outcome = sampleOutcome(0, 'reports/a.txt');
    const first = outcome.result!.diagnostics[0];
    const odd = { ...outcome, result: { ...outcome.result!, diagnostics: [{ ...first, code: 'vendor/extra' }] } };
    const [rule] = sarifOf([odd]).runs[0].tool.driver.rules;
    expect(rule).toMatchObject({ id: 'vendor/extra', shortDescription: { text: 'vendor/extra' } });
  });

  it('uses 1-based regions, related locations, fixes and fingerprints', () => {
    const [result] = sarifOf().runs[0].results;
    expect(result.level).toBe('error');
    expect(result.locations[0].physicalLocation.region).toEqual({ startLine: 3, startColumn: 2, endLine: 3, endColumn: 3 });
    expect(result.locations[0].physicalLocation.artifactLocation).toMatchObject({ uri: 'reports/a.txt', uriBaseId: 'SRCROOT' });
    expect(result.relatedLocations[0].physicalLocation.region.startLine).toBe(2);
    expect(result.fixes[0].artifactChanges[0].replacements[0]).toEqual({
      deletedRegion: { startLine: 3, startColumn: 2, endLine: 3, endColumn: 3 },
      insertedContent: { text: '2' },
    });
    expect(result.partialFingerprints['nianbaoFinding/v1']).toBe('aaaa:0');
    expect(result.properties).toMatchObject({ rule: 'R1', expected: 2, actual: 0 });
  });

  it('percent-encodes paths and reports unreadable inputs as notifications', () => {
    const run = sarifOf().runs[0];
    expect(run.artifacts[1].location.uri).toBe('reports/b%20c.txt');
    expect(run.invocations[0].executionSuccessful).toBe(false);
    expect(run.invocations[0].toolExecutionNotifications).toHaveLength(1);
  });

  it('marks the files --fix rewrote as modified, and says as a warning why fixes were not written', () => {
    const fixed = { ...sampleOutcome(0, 'reports/a.txt'), fix: { applied: 2 } };
    const skipped = { ...sampleOutcome(1, 'reports/b.html'), fix: { applied: 0, skipped: 'reports/b.html: 网页格式不能写回' } };
    const log = sarifOf([fixed, skipped, sampleOutcome(2, 'reports/c.txt')]);
    expect(validate(log)).toEqual([]);
    const run = log.runs[0];
    expect(run.artifacts[0]).toEqual({ location: { uri: 'reports/a.txt', uriBaseId: 'SRCROOT' }, roles: ['analysisTarget', 'modified'], properties: { fixesApplied: 2 } });
    expect(run.artifacts[1]).toEqual({ location: { uri: 'reports/b.html', uriBaseId: 'SRCROOT' } });
    expect(run.artifacts[2]).not.toHaveProperty('roles');
    expect(run.invocations[0].toolExecutionNotifications).toEqual([
      { level: 'warning', message: { text: 'reports/b.html: 网页格式不能写回' }, locations: [{ physicalLocation: { artifactLocation: { uri: 'reports/b.html', uriBaseId: 'SRCROOT' } } }] },
    ]);
    // Fixes not written are no failure of the run; an unreadable input is.
    expect(run.invocations[0].executionSuccessful).toBe(true);
    expect(sarifOf([skipped, failedOutcome(1)]).runs[0].invocations[0].executionSuccessful).toBe(false);
  });
});
