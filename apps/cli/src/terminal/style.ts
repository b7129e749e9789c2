import { styleText } from 'node:util';

/** The text styles the formatters use. */
export type StyleName = 'red' | 'yellow' | 'blue' | 'green' | 'gray' | 'bold' | 'underline' | 'dim';

/** Applies styles to text, or leaves text alone when colour is off. */
export interface Style {
  readonly enabled: boolean;
  (style: StyleName | StyleName[], text: string): string;
}

/** A {@link Style} that colours with ANSI escapes (node:util styleText) when `enabled`. */
export function createStyle(enabled: boolean): Style {
  const style = ((names: StyleName | StyleName[], text: string) =>
    enabled && text !== '' ? styleText(names, text, { validateStream: false }) : text) as Style;
  Object.defineProperty(style, 'enabled', { value: enabled });
  return style;
}
