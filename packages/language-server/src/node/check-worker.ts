import { parentPort } from 'node:worker_threads';
import { RecentBufferChecks, verifyBuffer } from '../reports/report-checker.js';
import { collectGarbageAfterIdleMs, garbageCollection, giveBackAfterIdleMs, IdleCollection, memoryReducingCollection } from './idle-collection.js';
import { IdleRehearsals } from './idle-rehearsals.js';
import type { ReportTable, TemplateIR } from '@nianbao/core';
import { shareTables, sharedTablesDocuments, withoutText, type CheckWorkerRequest, type CheckWorkerResponse } from './worker-report-checker.js';

// The worker thread of the Node language server's checks (bundled to out/check-worker.cjs): it checks one
// buffer at a time, or verifies the fixes of a check, and answers each request with the outcome (without the
// text, which the server has: see `withoutText`). Templates arrive once each, by key, and stay
// cached while requests keep naming them (the core caches its plans per template object, so a template
// received again and again would be planned again and again). Once idle a moment after a check, it
// rehearses an edit of the buffer it checked last a few times, so that the user's first edits find the
// code compiled (idle-rehearsals.ts), and again right after collecting its heap once idle longer
// (idle-collection.ts), which drops some of that code.

/** Requests after which a template no request named is dropped. */
const keepFor = 64;


/**
 * Idle time after a request before an edit is rehearsed (see idle-rehearsals.ts): longer than the gaps
 * between the checks of someone typing (the debounce is 150 ms), so that rehearsals come when the user
 * pauses; a check that comes during one waits for it (5–30 ms).
 */
const rehearseAfterIdleMs = 300;

/**
 * Rehearsals right after each idle collection, which drops compiled code (see idle-rehearsals.ts): with
 * none, the first two or three edits after a pause long enough for it took 20–30 ms for a 50 KB report
 * instead of 6–12; with three, only the first is a little slower than the rest.
 */
const rehearsalsAfterCollection = 3;

const port = parentPort!;
/** The last checks of the buffers checked lately: the next check of each starts from its last one. */
const recent = new RecentBufferChecks();
const templates = new Map<number, { ir: TemplateIR; lastUse: number }>();
/** The tables of the last check of each document answered (the last few): the next answer shares the equal ones. */
const sentTables = new Map<string, ReportTable[]>();
let requests = 0;
/** Rehearsals of an edit: 16 in the worker's first idle moments. */
const rehearsals = new IdleRehearsals((n) => recent.rehearse(n), rehearseAfterIdleMs, { count: 16, ms: 1500 });
const collectGarbage = garbageCollection();
const giveBack = memoryReducingCollection();
/** Once idle a moment: the garbage of the checks collected, the compiled code kept (see idle-collection.ts). */
const idleGarbage = collectGarbage && new IdleCollection(collectGarbage, collectGarbageAfterIdleMs);
/** Once idle longer: the heap given back, and the code that drops compiled again by rehearsals. */
const idleGiveBack =
  giveBack &&
  new IdleCollection(() => {
    giveBack();
    rehearsals.afterCollection(rehearsalsAfterCollection);
  }, giveBackAfterIdleMs);
/** Work was done: both collections wait for the thread to be idle again. */
function worked(): void {
  idleGarbage?.worked();
  idleGiveBack?.worked();
}
// Loading the core leaves garbage too: collected if no job comes soon after the start.
worked();

port.on('message', (request: CheckWorkerRequest) => {
  rehearsals.interrupt();
  requests++;
  for (const entry of request.templates) {
    if (entry.ir) templates.set(entry.key, { ir: entry.ir, lastUse: requests });
  }
  const irs: TemplateIR[] = [];
  for (const entry of request.templates) {
    const cached = templates.get(entry.key);
    if (!cached) {
      port.postMessage({ id: request.id, missing: true } satisfies CheckWorkerResponse);
      return;
    }
    cached.lastUse = requests;
    irs.push(cached.ir);
  }
  for (const [key, cached] of templates) if (cached.lastUse < requests - keepFor) templates.delete(key);
  let response: CheckWorkerResponse;
  try {
    if (request.kind === 'verify') {
      response = { id: request.id, verified: withoutText(verifyBuffer({ result: request.result, templates: irs, locale: request.locale })) };
    } else {
      const { source, template, locale, verifySuggestions } = request;
      const outcome = recent.check({ source, template, templates: irs, locale, verifySuggestions });
      const result = withoutText(outcome.result);
      const name = source.name ?? '';
      const shared = shareTables(result, request.full === true ? undefined : sentTables.get(name));
      sentTables.delete(name);
      sentTables.set(name, result.report?.tables ?? []);
      for (const oldest of sentTables.keys()) {
        if (sentTables.size <= sharedTablesDocuments) break;
        sentTables.delete(oldest);
      }
      response = shared ? { id: request.id, outcome: { ...outcome, result: shared }, sharedTables: true } : { id: request.id, outcome: { ...outcome, result } };
    }
  } catch (error) {
    response = { id: request.id, error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(response);
  worked();
  rehearsals.worked();
});
