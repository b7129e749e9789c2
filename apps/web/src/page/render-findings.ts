import type { CheckedPage, PageFinding } from '../worker/protocol.js';
import { el } from './dom.js';
import type { UiText } from './ui-text.js';

/** What a finding's buttons do. */
export interface FindingActions {
  fix(finding: number, suggestion: number): void;
  reveal(finding: number): void;
}

/** The list of findings: severity, code, message, a link to the place in the text, the fixes. */
export function renderFindings(list: HTMLElement, page: CheckedPage, text: UiText, actions: FindingActions): void {
  list.replaceChildren(...page.findings.map((finding) => findingItem(finding, text, actions)));
  if (page.findings.length === 0) list.append(el('li', { class: 'none' }, text.noFindings));
}

function findingItem(finding: PageFinding, text: UiText, actions: FindingActions): HTMLElement {
  const location = el('a', { href: `#mark-${finding.index}`, class: 'location' }, text.at(finding.line, finding.column));
  location.addEventListener('click', (event) => {
    event.preventDefault();
    actions.reveal(finding.index);
  });
  const item = el(
    'li',
    { id: `finding-${finding.index}`, class: `finding ${finding.severity}`, 'data-code': finding.code },
    el('span', { class: `severity ${finding.severity}` }, text.severity[finding.severity]),
    ' ',
    el('code', { class: 'code' }, finding.code),
    finding.rule ? el('span', { class: 'rule' }, ` ${finding.rule}`) : '',
    ' ',
    location,
    el('div', { class: 'message' }, finding.message),
  );
  finding.suggestions.forEach((suggestion, index) => {
    const button = el('button', { type: 'button', class: 'fix', title: suggestion }, `${text.fix}：${suggestion}`);
    button.addEventListener('click', () => actions.fix(finding.index, index));
    item.append(el('div', { class: 'suggestion' }, button));
  });
  return item;
}
