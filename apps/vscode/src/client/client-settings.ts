import * as vscode from 'vscode';
import type { NianbaoSettings } from '@nianbao/language-server/protocol';

/** The locale of the findings: the `nianbao.locale` setting, else VS Code's display language (zh-* → zh-CN). */
export function effectiveLocale(): 'zh-CN' | 'en' {
  const configured = vscode.workspace.getConfiguration('nianbao').get<string>('locale', '').trim();
  const language = configured !== '' ? configured : vscode.env.language;
  return language.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** The `nianbao` settings as the server reads them, with the locale resolved. */
export function serverSettings(): NianbaoSettings {
  const configuration = vscode.workspace.getConfiguration('nianbao');
  return {
    locale: effectiveLocale(),
    template: configuration.get<string>('template', 'auto'),
    reports: { include: configuration.get<string[]>('reports.include', []) },
    diagnostics: { debounceMs: configuration.get<number>('diagnostics.debounceMs', 150) },
    baseline: { file: configuration.get<string>('baseline.file', 'nianbao-baseline.json') },
  };
}
