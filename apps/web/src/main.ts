import type { Locale } from '@nianbao/core';
import { CheckClient } from './page/check-client.js';
import { renderFindings } from './page/render-findings.js';
import { renderTables } from './page/render-tables.js';
import { renderText } from './page/render-text.js';
import { uiText, type UiText } from './page/ui-text.js';
import type { CheckedPage, WorkerRequest } from './worker/protocol.js';
import './style.css';

// The page: open, drop or paste a report; the worker checks it with @nianbao/core; the page shows the
// findings, the tables and the text, applies fixes and offers the corrected text for download.

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;
const client = new CheckClient();
// Chinese first; `?lang=en` opens the page in English.
let locale: Locale = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
let template = 'auto';
let page: CheckedPage | undefined;
let lastNote = '';
/** How many answers the worker gave (for people's scripts and the end-to-end test: wait for it to grow). */
let answers = 0;
let templates: Array<{ id: string; title: string }> = [];

function words(): UiText {
  return uiText(locale);
}

/** Static labels in the current language. */
function label(): void {
  const t = words();
  document.documentElement.lang = locale;
  document.title = `${t.title} · nianbao`;
  byId('title').textContent = t.title;
  byId('subtitle').textContent = t.subtitle;
  byId('privacy').textContent = t.privacy;
  byId('open-label').textContent = t.open;
  byId('drop-hint').textContent = t.dropHint;
  byId('paste-label').textContent = t.pasteLabel;
  byId('paste-check').textContent = t.pasteCheck;
  byId('template-label').textContent = t.template;
  byId('language').textContent = t.language;
  byId('findings-title').textContent = t.findings;
  byId('tables-title').textContent = t.tables;
  byId('text-title').textContent = t.text;
  byId('download').textContent = t.download;
  const select = byId<HTMLSelectElement>('template');
  select.replaceChildren(new Option(t.auto, 'auto'), ...templates.map((o) => new Option(`${o.title}（${o.id}）`, o.id)));
  select.value = template;
}

/** Sends a request to the worker and shows its answer; `since`: when the person asked (default now). */
async function send(request: WorkerRequest, transfer: Transferable[] = [], since = performance.now()): Promise<void> {
  const started = since;
  const status = byId('status');
  status.textContent = words().checking;
  status.className = 'busy';
  document.body.dataset.state = 'checking';
  const answer = await client.request(request, transfer);
  if (answer.kind !== 'checked') {
    const message = answer.kind === 'failed' ? answer.message : '';
    status.textContent = words().failed + message;
    status.className = 'failed';
    document.body.dataset.state = 'failed';
    document.body.dataset.answers = String(++answers);
    return;
  }
  page = answer.page;
  templates = page.templates;
  lastNote = answer.applied === undefined ? '' : words().applied(answer.applied);
  show();
  // Time from the request (a dropped file: from the drop) to the findings on screen.
  const millis = Math.round(performance.now() - started);
  status.textContent = words().elapsed(millis);
  status.className = '';
  status.dataset.millis = String(millis);
  document.body.dataset.state = 'checked';
  document.body.dataset.answers = String(++answers);
}

function show(): void {
  if (!page) return;
  const t = words();
  label();
  byId('result').hidden = false;
  const count = (severity: string) => page!.findings.filter((f) => f.severity === severity).length;
  const summary = byId('summary');
  const how = page.chosenTemplate === 'auto' ? t.autoDetected(Math.round((page.template?.confidence ?? 0) * 100)) : t.chosen;
  const templateText = page.template ? `${page.template.title}（${page.template.id}，${how}）` : t.none;
  summary.replaceChildren(
    row(t.file, `${page.fileName}（${page.format}，${page.encoding}）`, 'file'),
    row(t.detected, templateText, 'template'),
    row(t.year, page.year === null ? t.none : String(page.year), 'year'),
    row(t.agency, page.agency ?? t.none, 'agency'),
    row(t.findings, t.counts(count('error'), count('warning'), count('info')), 'counts'),
  );
  const fixAll = byId<HTMLButtonElement>('fix-all');
  fixAll.textContent = t.fixAll(page.safeFixes);
  fixAll.disabled = page.safeFixes === 0;
  byId<HTMLButtonElement>('download').disabled = !page.edited;
  byId('fix-note').textContent = [lastNote, page.format === 'docx' ? t.wordNote : ''].filter(Boolean).join(' ');
  renderFindings(byId('findings'), page, t, { fix, reveal });
  renderTables(byId('tables'), page, t, reveal);
  renderText(byId('text'), page, select);
}

function row(name: string, value: string, key: string): HTMLElement {
  const div = document.createElement('div');
  div.dataset.field = key;
  const dt = document.createElement('span');
  dt.className = 'name';
  dt.textContent = name;
  const dd = document.createElement('span');
  dd.className = 'value';
  dd.textContent = value;
  div.append(dt, dd);
  return div;
}

/** Scrolls the text to a finding's mark and highlights both. */
function reveal(finding: number): void {
  const anchor = document.getElementById(`mark-${finding}`);
  anchor?.parentElement?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  highlight(finding);
}

/** Scrolls the list to a finding and highlights it. */
function select(finding: number): void {
  document.getElementById(`finding-${finding}`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
  highlight(finding);
}

function highlight(finding: number): void {
  for (const old of document.querySelectorAll('.current')) old.classList.remove('current');
  document.getElementById(`finding-${finding}`)?.classList.add('current');
  document.getElementById(`mark-${finding}`)?.parentElement?.classList.add('current');
}

function fix(finding: number, suggestion: number): void {
  void send({ kind: 'fix', finding, suggestion });
}

async function open(file: File, since = performance.now()): Promise<void> {
  const bytes = await file.arrayBuffer();
  await send({ kind: 'open', name: file.name, bytes, locale, template }, [bytes], since);
}

function download(): void {
  if (!page) return;
  const type = page.format === 'html' ? 'text/html' : page.format === 'md' ? 'text/markdown' : 'text/plain';
  const url = URL.createObjectURL(new Blob([page.download.text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = page.download.name;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

byId<HTMLInputElement>('file').addEventListener('change', (event) => {
  const file = (event.target as HTMLInputElement).files?.[0];
  if (file) void open(file, event.timeStamp);
});
const drop = byId('drop');
for (const type of ['dragenter', 'dragover']) {
  drop.addEventListener(type, (event) => {
    event.preventDefault();
    drop.classList.add('over');
  });
}
drop.addEventListener('dragleave', () => drop.classList.remove('over'));
drop.addEventListener('drop', (event) => {
  event.preventDefault();
  drop.classList.remove('over');
  const file = event.dataTransfer?.files[0];
  // Timed from the drop event itself (same clock as performance.now()).
  if (file) void open(file, event.timeStamp);
});
byId('paste-check').addEventListener('click', () => {
  const text = byId<HTMLTextAreaElement>('paste').value;
  if (!text.trim()) return;
  const bytes = new TextEncoder().encode(text).buffer as ArrayBuffer;
  void send({ kind: 'open', name: words().pastedName, bytes, locale, template }, [bytes]);
});
byId<HTMLSelectElement>('template').addEventListener('change', (event) => {
  template = (event.target as HTMLSelectElement).value;
  if (page) void send({ kind: 'settings', locale, template });
});
byId('language').addEventListener('click', () => {
  locale = locale === 'en' ? 'zh-CN' : 'en';
  label();
  if (page) void send({ kind: 'settings', locale, template });
});
byId('fix-all').addEventListener('click', () => void send({ kind: 'fix-all' }));
byId('download').addEventListener('click', download);
label();
void client.request({ kind: 'templates' }).then((answer) => {
  if (answer.kind === 'templates') templates = answer.templates;
  label();
  document.body.dataset.state = 'ready';
});
