/**
 * The environment variables the Node language server is best started with, added to `env` (the VS Code
 * extension starts it so, and the latency bench measures it so). A variable the user set is kept.
 *
 * `MALLOC_ARENA_MAX=2`: glibc gives every thread that allocates its own malloc arena, and keeps what is
 * freed in it. The server has a dozen such threads (its own, the check worker's, V8's compiler and
 * garbage-collector helpers); with 20 reports open their arenas held about 17 MB of freed memory
 * (resident 141–145 MB, 125 MB with two arenas). Other C libraries ignore the variable.
 */
export function serverEnvironment(env: Readonly<Record<string, string | undefined>>): Record<string, string> {
  const added: Record<string, string> = {};
  if (env.MALLOC_ARENA_MAX === undefined) added.MALLOC_ARENA_MAX = '2';
  return added;
}
