/**
 * The environment variables the Node language server is best started with, added to `env` (the VS Code
 * extension starts it so, and the latency bench measures it so). A variable the user set is kept (each
 * on its own). They tune glibc's malloc; other C libraries ignore them.
 *
 * `MALLOC_ARENA_MAX=1`: glibc gives every thread that allocates its own malloc arena, and keeps what is
 * freed in it. The server has a dozen such threads (its own, the check worker's, V8's compiler and
 * garbage-collector helpers); with 20 reports open their arenas held about 17 MB of freed memory
 * (resident 141–145 MB, 125 MB with two arenas, about 4 MB less again with one).
 *
 * `MALLOC_MMAP_THRESHOLD_=262144`, `MALLOC_TRIM_THRESHOLD_=262144`: blocks of 256 KB and more (the
 * messages of a large report, those between the server and its check worker) are mapped on their own and
 * given back when freed, and free memory at the top of the arena is given back beyond 256 KB. By default
 * glibc raises both thresholds to the largest block freed so far, so that after the first large message
 * every block up to that size stayed in the arena, and the freed ones with it. With 20 reports open, peak
 * resident 134–139 → 126–131 MB (5 interleaved runs each, with one arena); it had reached 154–156 MB in 2
 * of about 30 runs with the defaults, all the excess outside V8's heaps. With 64 KB, edits of a 50 KB
 * report were slower (edit → diagnostics p95 15–18 → 19–21 ms, 3 pairs), probably because the blocks of
 * its messages were mapped and unmapped at every edit.
 */
export function serverEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const added: Record<string, string> = {};
  for (const [name, value] of Object.entries(mallocTuning)) if (env[name] === undefined) added[name] = value;
  return added;
}

/** The malloc variables of {@link serverEnvironment} and their values. */
const mallocTuning: Readonly<Record<string, string>> = {
  MALLOC_ARENA_MAX: '1',
  MALLOC_MMAP_THRESHOLD_: '262144',
  MALLOC_TRIM_THRESHOLD_: '262144',
};
