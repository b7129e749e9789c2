import { afterEach, describe, expect, it, vi } from 'vitest';
import { IdleRehearsals } from '../../src/node/idle-rehearsals.js';

afterEach(() => {
  vi.useRealTimers();
});

describe('IdleRehearsals', () => {
  it('rehearses once the thread has been idle after a job, one rehearsal per turn, within the budget', () => {
    vi.useFakeTimers();
    const rehearse = vi.fn((_n: number) => true);
    const rehearsals = new IdleRehearsals(rehearse, 100, { count: 3, ms: 1000 });
    rehearsals.worked();
    vi.advanceTimersByTime(99);
    expect(rehearse).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(rehearse).toHaveBeenCalledTimes(1);
    vi.runAllTimers();
    expect(rehearse.mock.calls.map((call: unknown[]) => call[0])).toEqual([0, 1, 2]);
    // The budget is spent: later jobs rehearse nothing more.
    rehearsals.worked();
    vi.runAllTimers();
    expect(rehearse).toHaveBeenCalledTimes(3);
  });

  it('a job interrupts the round, which goes on once the thread is idle again', () => {
    vi.useFakeTimers();
    const rehearse = vi.fn((_n: number) => true);
    const rehearsals = new IdleRehearsals(rehearse, 100, { count: 4, ms: 1000 });
    rehearsals.worked();
    vi.advanceTimersByTime(100);
    expect(rehearse).toHaveBeenCalledTimes(1);
    rehearsals.interrupt(); // a job arrives before the next turn
    vi.runAllTimers();
    expect(rehearse).toHaveBeenCalledTimes(1);
    rehearsals.worked();
    vi.advanceTimersByTime(50);
    rehearsals.interrupt();
    rehearsals.worked(); // another job: the idle time counts from its end
    vi.advanceTimersByTime(99);
    expect(rehearse).toHaveBeenCalledTimes(1);
    vi.runAllTimers();
    expect(rehearse).toHaveBeenCalledTimes(4);
  });

  it('keeps its budget while there is nothing to rehearse on, and stops at its time budget', () => {
    vi.useFakeTimers();
    let report = false;
    const rehearse = vi.fn(() => report);
    const rehearsals = new IdleRehearsals(rehearse, 10, { count: 2, ms: 1000 });
    rehearsals.worked();
    vi.runAllTimers();
    expect(rehearse).toHaveBeenCalledTimes(1);
    report = true;
    rehearsals.worked();
    vi.runAllTimers();
    expect(rehearse).toHaveBeenCalledTimes(3);

    let clock = 0;
    const slow = vi.fn(() => {
      clock += 30; // a rehearsal that takes 30 ms
      return true;
    });
    const timed = new IdleRehearsals(slow, 10, { count: 100, ms: 50 }, () => clock);
    timed.worked();
    vi.runAllTimers();
    expect(slow).toHaveBeenCalledTimes(2);
  });

  it('a rehearsal that throws ends the round', () => {
    vi.useFakeTimers();
    const rehearse = vi.fn(() => {
      throw new Error('no');
    });
    const rehearsals = new IdleRehearsals(rehearse, 10, { count: 5, ms: 1000 });
    rehearsals.worked();
    expect(() => vi.runAllTimers()).not.toThrow();
    expect(rehearse).toHaveBeenCalledTimes(1);
  });

  it('rehearses right after a collection, outside the budget, until a job comes', () => {
    vi.useFakeTimers();
    const rehearse = vi.fn((_n: number) => true);
    const rehearsals = new IdleRehearsals(rehearse, 100, { count: 1, ms: 1000 });
    rehearsals.worked();
    vi.runAllTimers();
    expect(rehearse).toHaveBeenCalledTimes(1); // the budget is spent
    rehearsals.afterCollection(3);
    expect(rehearse).toHaveBeenCalledTimes(1); // not within the collection's own turn
    vi.runAllTimers();
    expect(rehearse.mock.calls.map((call: unknown[]) => call[0])).toEqual([0, 1, 2, 3]);
    // A job that comes meanwhile cancels the rest: it runs the code itself.
    rehearsals.afterCollection(3);
    vi.advanceTimersToNextTimer();
    expect(rehearse).toHaveBeenCalledTimes(5);
    rehearsals.interrupt();
    rehearsals.worked();
    vi.runAllTimers();
    expect(rehearse).toHaveBeenCalledTimes(5);
  });

  it('after a collection with nothing to rehearse on, stops at once', () => {
    vi.useFakeTimers();
    const rehearse = vi.fn(() => false);
    const rehearsals = new IdleRehearsals(rehearse, 100, { count: 0, ms: 0 });
    rehearsals.afterCollection(3);
    vi.runAllTimers();
    expect(rehearse).toHaveBeenCalledTimes(1);
  });
});
