import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { enterEfficiencyMode } from '../../src/program/efficiency-mode.js';

describe('efficiency mode of a process that checks reports', () => {
  it('sets V8 flag --efficiency-mode, unless Node was given the flag', () => {
    const set: string[] = [];
    expect(enterEfficiencyMode([], (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual(['--efficiency-mode']);
    expect(enterEfficiencyMode(['--efficiency-mode=false'], (flags) => set.push(flags))).toBe(false);
    expect(enterEfficiencyMode(['--no-efficiency_mode'], (flags) => set.push(flags))).toBe(false);
    expect(set).toHaveLength(1);
  });

  it('is set when Node was only given flags that tune the mode', () => {
    const set: string[] = [];
    expect(enterEfficiencyMode(['--efficiency-mode-delay-turbofan=5000', '--efficiency_mode_disable_turbofan'], (flags) => set.push(flags))).toBe(true);
    expect(set).toEqual(['--efficiency-mode']);
    expect(enterEfficiencyMode(['--efficiency-mode'], (flags) => set.push(flags))).toBe(false);
    expect(set).toHaveLength(1);
  });

  it('keeps the defaults when V8 refuses the flag', () => {
    expect(
      enterEfficiencyMode([], () => {
        throw new Error('refused');
      }),
    ).toBe(false);
  });

  it('takes effect in a running Node process', () => {
    const module = fileURLToPath(new URL('../../src/program/efficiency-mode.ts', import.meta.url));
    const script = `const { enterEfficiencyMode } = await import(${JSON.stringify(module)});
      const before = %IsEfficiencyModeEnabled();
      enterEfficiencyMode([]);
      process.stdout.write(JSON.stringify([before, %IsEfficiencyModeEnabled()]));`;
    const run = spawnSync(process.execPath, ['--allow-natives-syntax', '--input-type=module', '-e', script], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([false, true]);
  });
});
