/** Text made safe for HTML element content and quoted attribute values (report text is never markup). */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/gu, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '"' ? '&quot;' : '&#39;'));
}
