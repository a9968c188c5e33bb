/**
 * Files over 16 MiB cross the desktop bridge in chunks (a bundle container with
 * attachments may be up to 2 GiB). Run on real files in a temporary folder through the
 * same FsLike the main process uses.
 */
import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { BRIDGE_CHUNK_BYTES, BridgeChannel, WHOLE_FILE_BYTES } from '../../../shared/bridge';
import { nodeFileSystem } from '../../../electron/fileSystem';
import { createBridgeHandlers, type IpcDeps } from '../../../electron/ipc';

const trusted = { senderFrame: { url: 'app://readiness/index.html' } };
const untrusted = { senderFrame: { url: 'https://example.com/' } };

let dir: string;
let chosen: string[];
let saveTarget: string | undefined;

function handlers() {
  const deps: IpcDeps = {
    dialog: {
      showOpenDialog: async () => ({ canceled: false, filePaths: chosen }),
      showSaveDialog: async () => (saveTarget ? { canceled: false, filePath: saveTarget } : { canceled: true }),
    },
    fs: nodeFileSystem,
    defaultSaveDir: dir,
    appInfo: () => ({ name: 'Readiness Studio', version: '0', catalogueVersion: '0', platform: 'electron' }),
  };
  return createBridgeHandlers(deps);
}

/** Deterministic, position-dependent bytes: a chunk read from the wrong place would differ. */
function pattern(size: number): Uint8Array {
  const b = new Uint8Array(size);
  for (let i = 0; i < size; i++) b[i] = (i * 31 + (i >>> 13)) & 0xff;
  return b;
}

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'rs-bridge-'));
  chosen = [];
  saveTarget = undefined;
});

describe('large files over the desktop bridge', () => {
  const size = WHOLE_FILE_BYTES + 3 * BRIDGE_CHUNK_BYTES + 12345;

  it('opens a large file as a handle and reads it back chunk by chunk, byte for byte', async () => {
    const file = path.join(dir, 'big.rsb');
    const bytes = pattern(size);
    writeFileSync(file, bytes);
    chosen = [file];
    const h = handlers();
    const [opened] = await h[BridgeChannel.openFiles](trusted, { multiple: false, filters: [] });
    expect(opened!.name).toBe('big.rsb');
    expect(opened!.bytes.length).toBe(0);
    const handle = opened!.chunked!;
    expect(handle.size).toBe(size);
    expect(handle.token).toMatch(/^[0-9a-f]{32}$/);

    const back = new Uint8Array(size);
    for (let offset = 0; offset < size; offset += BRIDGE_CHUNK_BYTES) {
      const length = Math.min(BRIDGE_CHUNK_BYTES, size - offset);
      const chunk = await h[BridgeChannel.readChunk](trusted, { token: handle.token, offset, length });
      back.set(chunk, offset);
    }
    expect(Buffer.from(back).equals(Buffer.from(bytes))).toBe(true);
    // Read to the end: the handle is forgotten.
    await expect(h[BridgeChannel.readChunk](trusted, { token: handle.token, offset: 0, length: 1 })).rejects.toThrow('invalid-arguments');
  });

  it('refuses reads past the end, oversized chunks, unknown tokens and untrusted senders', async () => {
    const file = path.join(dir, 'big.rsb');
    writeFileSync(file, pattern(size));
    chosen = [file];
    const h = handlers();
    const [opened] = await h[BridgeChannel.openFiles](trusted, { multiple: false, filters: [] });
    const token = opened!.chunked!.token;
    await expect(h[BridgeChannel.readChunk](trusted, { token, offset: size - 10, length: 11 })).rejects.toThrow('invalid-arguments');
    await expect(h[BridgeChannel.readChunk](trusted, { token, offset: 0, length: BRIDGE_CHUNK_BYTES + 1 })).rejects.toThrow('invalid-arguments');
    await expect(h[BridgeChannel.readChunk](trusted, { token: 'f'.repeat(32), offset: 0, length: 1 })).rejects.toThrow('invalid-arguments');
    await expect(h[BridgeChannel.readChunk](trusted, { token: '../etc/passwd', offset: 0, length: 1 })).rejects.toThrow('invalid-arguments');
    await expect(h[BridgeChannel.readChunk](untrusted, { token, offset: 0, length: 1 })).rejects.toThrow('untrusted-sender');
    // The refused calls did not spend the handle.
    expect((await h[BridgeChannel.readChunk](trusted, { token, offset: 0, length: 4 })).length).toBe(4);
  });

  it('a file that shrank after it was chosen is unreadable, never silently short', async () => {
    const file = path.join(dir, 'big.rsb');
    writeFileSync(file, pattern(size));
    chosen = [file];
    const h = handlers();
    const [opened] = await h[BridgeChannel.openFiles](trusted, { multiple: false, filters: [] });
    writeFileSync(file, pattern(100));
    await expect(h[BridgeChannel.readChunk](trusted, { token: opened!.chunked!.token, offset: 0, length: 1000 })).rejects.toThrow('read-failed');
  });

  it('saves a large file in chunks next to the target and renames it into place at the end', async () => {
    saveTarget = path.join(dir, 'export.rsb');
    const bytes = pattern(size);
    const h = handlers();
    const begun = await h[BridgeChannel.saveBegin](trusted, { suggestedName: 'export.rsb', size });
    if (!('token' in begun)) throw new Error('not begun');
    for (let offset = 0; offset < size; offset += BRIDGE_CHUNK_BYTES) {
      await h[BridgeChannel.saveChunk](trusted, { token: begun.token, bytes: bytes.subarray(offset, offset + BRIDGE_CHUNK_BYTES) });
      // Until the end, nothing exists under the chosen name.
      expect(readdirSync(dir)).not.toContain('export.rsb');
    }
    expect(await h[BridgeChannel.saveEnd](trusted, { token: begun.token })).toEqual({ saved: true, name: 'export.rsb' });
    expect(readdirSync(dir)).toEqual(['export.rsb']);
    expect(Buffer.from(readFileSync(saveTarget)).equals(Buffer.from(bytes))).toBe(true);
  });

  it('a save that sends more or fewer bytes than announced, or is aborted, leaves no file behind', async () => {
    saveTarget = path.join(dir, 'export.rsb');
    const h = handlers();
    const over = await h[BridgeChannel.saveBegin](trusted, { suggestedName: 'x.rsb', size: 10 });
    if (!('token' in over)) throw new Error('not begun');
    await expect(h[BridgeChannel.saveChunk](trusted, { token: over.token, bytes: new Uint8Array(11) })).rejects.toThrow('invalid-arguments');
    const short = await h[BridgeChannel.saveBegin](trusted, { suggestedName: 'x.rsb', size: 10 });
    if (!('token' in short)) throw new Error('not begun');
    await h[BridgeChannel.saveChunk](trusted, { token: short.token, bytes: new Uint8Array(4) });
    await expect(h[BridgeChannel.saveEnd](trusted, { token: short.token })).rejects.toThrow('write-failed');
    const aborted = await h[BridgeChannel.saveBegin](trusted, { suggestedName: 'x.rsb', size: 10 });
    if (!('token' in aborted)) throw new Error('not begun');
    await h[BridgeChannel.saveChunk](trusted, { token: aborted.token, bytes: new Uint8Array(4) });
    await h[BridgeChannel.saveAbort](trusted, { token: aborted.token });
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a cancelled save dialog starts nothing; a size over 2 GiB is refused before the dialog', async () => {
    const h = handlers();
    expect(await h[BridgeChannel.saveBegin](trusted, { suggestedName: 'x.rsb', size: 10 })).toEqual({ saved: false });
    saveTarget = path.join(dir, 'x.rsb');
    await expect(h[BridgeChannel.saveBegin](trusted, { suggestedName: 'x.rsb', size: 3 * 1024 ** 3 })).rejects.toThrow('invalid-arguments');
    expect(readdirSync(dir)).toEqual([]);
  });
});
