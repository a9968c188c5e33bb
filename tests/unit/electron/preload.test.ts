/**
 * Preload against a fake `electron` whose ipcRenderer.invoke goes straight to the main
 * process's real handlers on real files: what the renderer gets for a large file (a Blob
 * gathered chunk by chunk) and how a large Blob is saved (in chunks, renamed at the end).
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { BRIDGE_CHUNK_BYTES, WHOLE_FILE_BYTES, type Bridge } from '../../../shared/bridge';
import { nodeFileSystem } from '../../../electron/fileSystem';
import { createBridgeHandlers } from '../../../electron/ipc';

const dir = mkdtempSync(path.join(tmpdir(), 'rs-preload-'));
const io = { chosen: [] as string[], saveTarget: undefined as string | undefined, calls: [] as string[] };

const handlers = createBridgeHandlers({
  dialog: {
    showOpenDialog: async () => ({ canceled: false, filePaths: io.chosen }),
    showSaveDialog: async () => (io.saveTarget ? { canceled: false, filePath: io.saveTarget } : { canceled: true }),
  },
  fs: nodeFileSystem,
  defaultSaveDir: dir,
  appInfo: () => ({ name: 'Readiness Studio', version: '0', catalogueVersion: '0', platform: 'electron' }),
});

let exposed: Bridge | undefined;
vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (_key: string, api: Bridge) => (exposed = api) },
  ipcRenderer: {
    invoke: async (channel: string, arg: unknown) => {
      io.calls.push(channel);
      const sender = { senderFrame: { url: 'app://readiness/index.html' } };
      return (handlers as unknown as Record<string, (e: unknown, a: unknown) => unknown>)[channel]!(sender, arg);
    },
  },
}));

function pattern(size: number): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (i * 7 + (i >>> 11)) & 0xff;
  return b;
}

beforeAll(async () => {
  await import('../../../electron/preload');
});

describe('preload: large files', () => {
  const size = WHOLE_FILE_BYTES + 2 * BRIDGE_CHUNK_BYTES + 777;

  it('a large chosen file reaches the renderer as a Blob with the same bytes; a small one as bytes', async () => {
    const big = path.join(dir, 'big.rsb');
    const small = path.join(dir, 'small.rsb');
    const bytes = pattern(size);
    writeFileSync(big, bytes);
    writeFileSync(small, pattern(10));
    io.chosen = [big, small];
    const [a, b] = await exposed!.openFiles({ multiple: true, filters: [] });
    expect(a!.blob).toBeInstanceOf(Blob);
    expect(a!.blob!.size).toBe(size);
    expect(Buffer.from(await a!.blob!.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    expect(b!.blob).toBeUndefined();
    expect(b!.bytes.length).toBe(10);
  });

  it('a large Blob is saved in chunks; a small one in one message', async () => {
    io.saveTarget = path.join(dir, 'out.rsb');
    io.calls = [];
    const bytes = pattern(size);
    expect(await exposed!.saveFile({ suggestedName: 'out.rsb', bytes: new Blob([bytes as BlobPart]) })).toEqual({ saved: true, name: 'out.rsb' });
    expect(io.calls.filter((c) => c === 'bridge:save-chunk').length).toBe(Math.ceil(size / BRIDGE_CHUNK_BYTES));
    expect(Buffer.from(readFileSync(io.saveTarget)).equals(Buffer.from(bytes))).toBe(true);

    io.saveTarget = path.join(dir, 'small.docx');
    io.calls = [];
    expect(await exposed!.saveFile({ suggestedName: 'small.docx', bytes: new Blob([pattern(5) as BlobPart]) })).toEqual({ saved: true, name: 'small.docx' });
    expect(io.calls).toEqual(['bridge:save-file']);
    expect(readdirSync(dir).filter((f) => f.endsWith('.part'))).toEqual([]);
  });
});
