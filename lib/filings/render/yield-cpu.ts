import os from 'node:os';

/**
 * Imported first by the render task so it runs before the PDF layer is even compiled. On Linux a
 * nice value belongs to one thread: the worker yields the CPU to the web server's thread, so
 * requests keep their latency while a packet renders. Elsewhere it would lower the whole server,
 * so it is left alone there.
 */
if (process.platform === 'linux') {
  try {
    os.setPriority(10);
  } catch {
    // Not permitted here: the render runs at normal priority.
  }
}
