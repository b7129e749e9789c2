import type { NianbaoSettings } from '../protocol.js';

/** The message languages of the server (the core's catalogue languages). */
export type ServerLocale = 'zh-CN' | 'en';

/** Settings in effect, with defaults applied. */
export interface ResolvedSettings {
  locale: ServerLocale;
  /** `auto` or a template id. */
  template: string;
  include: string[];
  debounceMs: number;
  /** The baseline file of acknowledged findings, relative to the workspace folder unless absolute. */
  baselineFile: string;
  /** Template files or directories added to every report's detection (`--templates` of the CLI). */
  templates: string[];
}

/** The baseline file when the settings name none. */
export const defaultBaselineFile = 'nianbao-baseline.json';

/** Default delay between the last edit and the check of a report. */
export const defaultDebounceMs = 150;

/** Reads a locale string leniently: any zh variant is zh-CN, any other non-empty value is en. */
export function toServerLocale(value: unknown): ServerLocale | undefined {
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  return value.trim().toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/**
 * Holds the `nianbao` settings: first from the initialisation options, then from the client's configuration
 * (`workspace/configuration` and `workspace/didChangeConfiguration`). Unknown or malformed values fall back to
 * the defaults, never throw.
 */
export class ServerSettings {
  private current: ResolvedSettings = {
    locale: 'zh-CN',
    template: 'auto',
    include: [],
    debounceMs: defaultDebounceMs,
    baselineFile: defaultBaselineFile,
    templates: [],
  };
  private readonly listeners: Array<(settings: ResolvedSettings) => void> = [];

  /** The settings in effect. */
  get value(): ResolvedSettings {
    return this.current;
  }

  /** Merges a (partial, untrusted) settings object over the current settings and notifies listeners. */
  update(raw: unknown): void {
    if (typeof raw !== 'object' || raw === null) return;
    const settings = raw as NianbaoSettings & Record<string, unknown>;
    const next: ResolvedSettings = { ...this.current };
    const locale = toServerLocale(settings.locale);
    if (locale) next.locale = locale;
    if (typeof settings.template === 'string' && settings.template.trim() !== '') {
      next.template = settings.template.trim();
    }
    const include = settings.reports?.include ?? settings['reports.include'];
    if (Array.isArray(include)) next.include = include.filter((p): p is string => typeof p === 'string' && p !== '');
    const debounce = settings.diagnostics?.debounceMs ?? settings['diagnostics.debounceMs'] ?? settings['debounceMs'];
    if (typeof debounce === 'number' && Number.isFinite(debounce) && debounce >= 0) next.debounceMs = debounce;
    const baseline = settings.baseline?.file ?? settings['baseline.file'];
    if (typeof baseline === 'string' && baseline.trim() !== '') next.baselineFile = baseline.trim();
    const templates = settings.templates;
    if (Array.isArray(templates)) next.templates = templates.filter((p): p is string => typeof p === 'string' && p.trim() !== '').map((p) => p.trim());
    const changed = JSON.stringify(next) !== JSON.stringify(this.current);
    this.current = next;
    if (changed) for (const listener of this.listeners) listener(next);
  }

  /** Calls `listener` after every change of the settings. */
  onChange(listener: (settings: ResolvedSettings) => void): void {
    this.listeners.push(listener);
  }
}
