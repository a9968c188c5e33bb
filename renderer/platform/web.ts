/**
 * The bridge for the offline web app: files come from <input type=file> (or drag and
 * drop, handled by the screens) and leave as Blob downloads.
 */
import { MAX_BLOB_BYTES, type AppInfo, type Bridge, type OpenFilesOptions, type OpenedFile, type SaveFileOptions, type SaveResult } from '../../shared/bridge';

/**
 * Browser File objects in the bridge's shape, each on its own: an oversized file is
 * reported (`problem`); nothing is read here — the File travels as a Blob and is read in
 * ranges by the bundle reader (a container is never read whole).
 */
export async function readBrowserFiles(files: Iterable<File>): Promise<OpenedFile[]> {
  const out: OpenedFile[] = [];
  for (const file of files) {
    if (file.size > MAX_BLOB_BYTES) {
      out.push({ name: file.name, bytes: new Uint8Array(0), problem: { kind: 'tooLarge', size: file.size } });
      continue;
    }
    out.push({ name: file.name, bytes: new Uint8Array(0), blob: file });
  }
  return out;
}

function acceptAttribute(options: OpenFilesOptions): string {
  return options.filters.flatMap((f) => f.extensions.filter((e) => e !== '*').map((e) => `.${e}`)).join(',');
}

/**
 * Asks the user for files with <input type=file> and returns them unread (File objects are
 * Blobs: a worker can read them without the page holding their bytes).
 */
export function pickBrowserFiles(options: OpenFilesOptions): Promise<File[]> {
  return new Promise<File[]>((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.multiple = options.multiple;
    const accept = acceptAttribute(options);
    if (accept) input.accept = accept;
    input.style.display = 'none';
    const cleanup = () => input.remove();
    input.addEventListener('change', () => {
      const files = input.files ? Array.from(input.files) : [];
      cleanup();
      resolve(files);
    });
    input.addEventListener('cancel', () => {
      cleanup();
      resolve([]);
    });
    document.body.append(input);
    input.click();
  });
}

export function createWebBridge(info: Omit<AppInfo, 'platform'>): Bridge {
  return {
    // The browser's own menus and dialogs follow the browser, not the page.
    setUiLanguage: async () => undefined,
    async openFiles(options) {
      return readBrowserFiles(await pickBrowserFiles(options));
    },

    /** The web app never renders a document in its origin: it downloads it (Content-Disposition by `download`). */
    async openDocument(options) {
      const blob = options.bytes instanceof Blob ? options.bytes : new Blob([options.bytes as BlobPart]);
      // application/octet-stream: the browser saves it rather than showing it in a tab.
      await this.saveFile({ suggestedName: options.name, bytes: new Blob([blob], { type: 'application/octet-stream' }) });
      return { opened: true };
    },

    async saveFile(options: SaveFileOptions): Promise<SaveResult> {
      const blob = options.bytes instanceof Blob ? options.bytes : new Blob([options.bytes as BlobPart], { type: 'application/octet-stream' });
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = options.suggestedName;
      a.rel = 'noopener';
      document.body.append(a);
      a.click();
      a.remove();
      // Revoke later: some browsers read the blob asynchronously after the click.
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      return { saved: true, name: options.suggestedName };
    },

    async appInfo() {
      return { ...info, platform: 'web' };
    },
  };
}
