/** A language of the message catalogue. */
export type Locale = 'zh-CN' | 'en';

/** The default language: Chinese first. */
export const DEFAULT_LOCALE: Locale = 'zh-CN';

/** Every language of the catalogue, default first. */
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
