/** File extensions `validate` picks up when it walks a directory or expands a glob. */
export const reportExtensions = ['txt', 'md', 'html', 'htm', 'docx'] as const;

/** True when the file name ends in one of the {@link reportExtensions} (any letter case). */
export function isReportFile(fileName: string): boolean {
  const dot = fileName.lastIndexOf('.');
  if (dot < 0) return false;
  const extension = fileName.slice(dot + 1).toLowerCase();
  return (reportExtensions as readonly string[]).includes(extension);
}
