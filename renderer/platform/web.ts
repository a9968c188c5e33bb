/**
 * The bridge for the offline web app: files come from <input type=file> (or drag and
 * drop, handled by the screens) and leave as Blob downloads.
 */
import { MAX_FILE_BYTES, type AppInfo, type Bridge, type OpenFilesOptions, type OpenedFile, type SaveFileOptions, type SaveResult } from '../../shared/bridge';

export class FileTooLargeError extends Error {
  constructor(readonly fileName: string) {
    super('file-too-large');
    this.name = 'FileTooLargeError';
  }
}

/** Reads browser File objects into the bridge's shape, refusing oversized files unread. */
export async function readBrowserFiles(files: Iterable<File>): Promise<OpenedFile[]> {
  const out: OpenedFile[] = [];
  for (const file of files) {
    if (file.size > MAX_FILE_BYTES) throw new FileTooLargeError(file.name);
    out.push({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) });
  }
  return out;
}

function acceptAttribute(options: OpenFilesOptions): string {
  return options.filters.flatMap((f) => f.extensions.filter((e) => e !== '*').map((e) => `.${e}`)).join(',');
}

export function createWebBridge(info: Omit<AppInfo, 'platform'>): Bridge {
  return {
    // The browser's own menus and dialogs follow the browser, not the page.
    setUiLanguage: async () => undefined,
    openFiles(options) {
      return new Promise<OpenedFile[]>((resolve, reject) => {
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
          readBrowserFiles(files).then(resolve, reject);
        });
        input.addEventListener('cancel', () => {
          cleanup();
          resolve([]);
        });
        document.body.append(input);
        input.click();
      });
    },

    async saveFile(options: SaveFileOptions): Promise<SaveResult> {
      const blob = new Blob([options.bytes as BlobPart], { type: 'application/octet-stream' });
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
