import type { ProgressBar } from './progress-bar.js';

/** A stream output goes to while a progress bar may be drawn on the terminal. */
export interface StreamBesideProgress {
  write(text: string): unknown;
  isTTY?: boolean;
}

/**
 * A writer to `stream` that keeps the output and the progress bar (drawn on standard error) apart. When the
 * stream is a terminal, the bar is erased before the text, and held back while the text leaves a line open
 * (`--format json` writes one line, file by file), which a redraw would overwrite. Output redirected to a
 * file or a pipe leaves the bar as it is: erased for every file of a run whose output streams, the bar
 * would only show in the moments between a redraw and the next file.
 * @param progress the bar now drawn, if any (a command may change bars as it goes)
 */
export function writerBesideProgress(stream: StreamBesideProgress, progress: () => ProgressBar | undefined): (text: string) => void {
  return (text) => {
    if (!stream.isTTY) {
      stream.write(text);
      return;
    }
    const bar = progress();
    bar?.clear();
    stream.write(text);
    if (text.length > 0) bar?.hold(!text.endsWith('\n'));
  };
}
