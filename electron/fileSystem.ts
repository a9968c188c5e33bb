/** The bridge's file access (FsLike) on Node's fs, kept apart from main.ts so tests run it on real files. */
import { promises as fsp } from 'node:fs';
import type { FsLike } from './ipc';

export const nodeFileSystem: FsLike = {
  stat: (p) => fsp.stat(p),
  readFile: async (p) => new Uint8Array(await fsp.readFile(p)),
  writeFile: (p, data) => fsp.writeFile(p, data),
  async readRange(p, position, length) {
    const handle = await fsp.open(p, 'r');
    try {
      const buffer = new Uint8Array(length);
      let filled = 0;
      while (filled < length) {
        const { bytesRead } = await handle.read(buffer, filled, length - filled, position + filled);
        if (bytesRead === 0) break; // end of file
        filled += bytesRead;
      }
      return buffer.subarray(0, filled);
    } finally {
      await handle.close();
    }
  },
  appendFile: (p, data) => fsp.appendFile(p, data),
  rename: (from, to) => fsp.rename(from, to),
  unlink: (p) => fsp.unlink(p),
};
