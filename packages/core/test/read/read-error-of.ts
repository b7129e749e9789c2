import { ReadError } from '../../src/read/index.js';

/** The `ReadError` a reading rejects with (any other outcome fails the test). */
export async function errorOf(promise: Promise<unknown>): Promise<ReadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  }
  throw new Error('expected a ReadError');
}

/** The `ReadError` a synchronous reading throws (any other outcome fails the test). */
export function thrownBy(read: () => unknown): ReadError {
  try {
    read();
  } catch (error) {
    if (error instanceof ReadError) return error;
    throw error;
  }
  throw new Error('expected a ReadError');
}
