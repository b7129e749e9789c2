/**
 * What the content of a decoded text says its format is, whatever the file is called: an HTML document
 * (a doctype, `<html>`, an XML prolog before `<html>`, or a first tag of a page such as `<head>`/`<body>`/
 * `<meta>`) or a body of markup (paragraph and table tags carrying most of the text, as a page saved
 * without its head). A text with a few tags in it (Markdown with a `<br>`, prose quoting "<p>") is not
 * markup.
 */

const DOCUMENT_START = /^<(?:!doctype\s+html|html[\s>]|\?xml[^>]*>\s*(?:<!--[\s\S]*?-->\s*)*<html[\s>]|head[\s>]|body[\s>]|meta\s|title>)/i;
const BODY_TAG = /<\/?(?:p|table|tbody|tr|td|th|div|span|br|font|o:p)(?:\s[^<>]*)?\/?>/gi;
/** How much of the head is looked at. */
const HEAD = 4096;
/** How much of the text the markup share is measured on. */
const SAMPLE = 65536;

/** `document`: an HTML document; `markup`: a body of paragraph/table markup; null: not HTML. */
export function htmlByContent(text: string): 'document' | 'markup' | null {
  // Both a document's start and a body tag begin with `<`: a text without one in its sample is neither
  // (most text reports), settled without slicing, trimming or matching it.
  const firstTag = text.indexOf('<');
  if (firstTag < 0 || firstTag >= SAMPLE) return null;
  return htmlByTags(text);
}

/**
 * {@link htmlByContent} without its first look for a `<`: every test run on the text. Not in the folder's
 * index; its tests show that a text without `<` in its sample is settled here as there.
 */
export function htmlByTags(text: string): 'document' | 'markup' | null {
  const head = text.slice(0, HEAD).replace(/^\uFEFF/, '').trimStart();
  if (DOCUMENT_START.test(head)) return 'document';
  const sample = text.slice(0, SAMPLE);
  let tags = 0;
  let tagChars = 0;
  for (const m of sample.matchAll(BODY_TAG)) {
    tags++;
    tagChars += m[0].length;
  }
  // Both tests below need at least two tags: a plain text is settled without measuring it.
  if (tags < 2) return null;
  const visible = sample.replace(/\s+/g, '').length;
  // Markup carries the text: a fifth of it is tags, and most lines start with a tag.
  if (tags >= 6 && tagChars * 5 >= visible && lineStartsWithTag(sample) >= 0.5) return 'markup';
  // A short fragment that starts with a paragraph or table tag and closes it.
  if (/^<(?:p|table|div)[\s>]/i.test(head) && /<\/(?:p|table|div)>/i.test(sample) && tags >= 2) return 'markup';
  return null;
}

/** The share of non-empty lines that start with a tag. */
function lineStartsWithTag(text: string): number {
  let lines = 0;
  let tagged = 0;
  for (const line of text.split('\n')) {
    const start = line.trimStart();
    if (start === '') continue;
    lines++;
    if (start.startsWith('<')) tagged++;
  }
  return lines === 0 ? 0 : tagged / lines;
}
