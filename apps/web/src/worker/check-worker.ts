import {
  applyEdits,
  applySafeFixes,
  builtinTemplates,
  checkText,
  readReport,
  ReadError,
  type CheckResult,
  type Locale,
  type TextEdit,
  type TextView,
} from '@nianbao/core';
import { pageModel } from './page-model.js';
import type { WorkerRequest, WorkerResponse } from './protocol.js';

// The check worker: the whole pipeline of @nianbao/core (read → normalise → detect → parse → validate, the
// same calls as `checkReport`, which the CLI runs) and its fixing procedure, off the page's main thread.
// It keeps the current document; the page only ever sees the model built from it.

/** The document being checked: its bytes as the reader takes them, and what checking them gave. */
interface Document {
  name: string;
  bytes: Uint8Array;
  result: CheckResult;
  view: TextView;
  edited: boolean;
}

let current: Document | undefined;
let settings: { locale: Locale; template: string } = { locale: 'zh-CN', template: 'auto' };

async function check(name: string, bytes: Uint8Array, edited: boolean): Promise<Document> {
  const read = await readReport(bytes, { fileName: name });
  const result = checkText(read.source, read.view, { locale: settings.locale, template: settings.template });
  return { name, bytes, result, view: read.view, edited };
}

/**
 * The document after edits to its text. A Word document has no text form to write back: once edited it
 * becomes the text file of its rendition. Web pages and text files stay what they are (written as UTF-8).
 */
async function edit(document: Document, edits: TextEdit[]): Promise<Document | 'refused'> {
  const text = applyEdits(document.result.source.text, edits);
  const name = document.result.source.format === 'docx' ? document.name.replace(/\.docx$/iu, '') + '.txt' : document.name;
  const next = await check(name, new TextEncoder().encode(text), true);
  return next.result.source.text === text ? next : 'refused';
}

function respond(document: Document, started: number, applied?: number): WorkerResponse {
  const downloadName = document.edited ? correctedName(document.name) : document.name;
  const page = pageModel({
    result: document.result,
    view: document.view,
    fileName: document.name,
    downloadName,
    edited: document.edited,
    chosenTemplate: settings.template,
    templates: builtinTemplates,
  });
  return { kind: 'checked', page, millis: performance.now() - started, applied };
}

/** `report.txt` → `report.corrected.txt`. */
function correctedName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? `${name.slice(0, dot)}.corrected${name.slice(dot)}` : `${name}.corrected.txt`;
}

async function handle(request: WorkerRequest): Promise<WorkerResponse> {
  const started = performance.now();
  switch (request.kind) {
    case 'templates':
      return { kind: 'templates', templates: builtinTemplates.map((t) => ({ id: t.id, title: t.title })) };
    case 'open':
      settings = { locale: request.locale, template: request.template };
      current = await check(request.name, new Uint8Array(request.bytes), false);
      return respond(current, started);
    case 'settings': {
      settings = { locale: request.locale, template: request.template };
      if (!current) return { kind: 'failed', message: '' };
      current = await check(current.name, current.bytes, current.edited);
      return respond(current, started);
    }
    case 'fix': {
      if (!current) return { kind: 'failed', message: '' };
      const suggestion = current.result.diagnostics[request.finding]?.suggestions[request.suggestion];
      if (!suggestion) return respond(current, started, 0);
      const next = await edit(current, suggestion.edits);
      if (next === 'refused') return respond(current, started, 0);
      current = next;
      return respond(current, started, 1);
    }
    case 'fix-all': {
      if (!current) return { kind: 'failed', message: '' };
      const first = current;
      const outcome = await applySafeFixes({ document: first, result: first.result }, async (state, edits) => {
        const next = await edit(state.document, edits);
        return next === 'refused' ? 'refused' : { document: next, result: next.result };
      });
      if (outcome.kind !== 'fixed') return respond(current, started, 0);
      current = outcome.state.document;
      return respond(current, started, outcome.applied);
    }
  }
}

const scope = self as unknown as {
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
  postMessage(message: WorkerResponse): void;
};

scope.onmessage = (event) => {
  handle(event.data).then(
    (response) => scope.postMessage(response),
    (error: unknown) => {
      // The reader's refusals are worded for people (in the catalogue's language); anything else is a bug.
      const message = error instanceof ReadError ? error.localizedMessage(settings.locale) : `${(error as Error)?.message ?? error}`;
      scope.postMessage({ kind: 'failed', message });
    },
  );
};
