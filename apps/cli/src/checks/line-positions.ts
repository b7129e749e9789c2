import { LineIndex } from '@nianbao/core';
import type { LinePositions } from './to-file-outcome.js';

/** Line/character positions over a text, by the core's line index. */
export function linePositions(text: string): LinePositions {
  const index = new LineIndex(text);
  return {
    positionAt: (offset) => index.positionAt(offset),
    lineText: (line) => text.slice(index.lineStart(line), index.lineContentEnd(line)),
  };
}
