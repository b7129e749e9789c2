import { catalogue, type MessageKey } from './catalogue.js';
import { formatLocalized, type MessageParams } from './format-message.js';
import { DEFAULT_LOCALE, type Locale } from './locale.js';

/** The catalogue message `key` in `locale` (default zh-CN), with its placeholders filled from `params`. */
export function message(key: MessageKey, params: MessageParams = {}, locale: Locale = DEFAULT_LOCALE): string {
  return formatLocalized(catalogue[key], locale, params);
}
