import type { ProgressBar } from './progress-bar.js';

/** A stream output goes to while a progress bar may be drawn on the terminal. */
export interface StreamBesideProgress {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * A writer to `stream` that keeps the progress bar (drawn on standard error) whole: the bar is erased first
 * when the stream is a terminal, where the text would otherwise run into it; output redirected to a file or
 * a pipe leaves the bar as it is. (Erased for every file of a run whose output streams, the bar would only
 * show in the moments between a redraw and the next file.)
 * @param progress the bar now drawn, if any (a command may change bars as it goes)
 */
export function writerBesideProgress(stream: StreamBesideProgress, progress: () => ProgressBar | undefined): (text: string) => void {
  return (text) => {
    if (stream.isTTY) progress()?.clear();
    stream.write(text);
  };
}
