/**
 * The lint rules that keep the worlds apart actually fire: shared/ may not import React,
 * Dexie, Electron or Node built-ins; renderer/ may not import Electron or Node built-ins.
 */
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function restrictedImportErrors(filePath: string, source: string): Promise<number> {
  const [result] = await eslint.lintText(source, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports').length;
}

describe('import boundaries', () => {
  it.each([
    "import React from 'react';",
    "import Dexie from 'dexie';",
    "import { app } from 'electron';",
    "import fs from 'node:fs';",
    "import path from 'path';",
    "import { useLiveQuery } from 'dexie-react-hooks';",
  ])('shared/ rejects %s', async (line) => {
    expect(await restrictedImportErrors('shared/example.ts', `${line}\nexport const x = 1;\n`)).toBeGreaterThan(0);
  });

  it('shared/ may import its own modules and zod', async () => {
    expect(await restrictedImportErrors('shared/example.ts', "import { z } from 'zod';\nexport const s = z.string();\n")).toBe(0);
  });

  it.each(["import { ipcRenderer } from 'electron';", "import fs from 'node:fs';", "import { readFile } from 'fs/promises';"])(
    'renderer/ rejects %s',
    async (line) => {
      expect(await restrictedImportErrors('renderer/example.ts', `${line}\nexport const x = 1;\n`)).toBeGreaterThan(0);
    },
  );

  it('renderer/ may import React and Dexie', async () => {
    expect(
      await restrictedImportErrors('renderer/example.ts', "import Dexie from 'dexie';\nimport { useState } from 'react';\nexport const x = [Dexie, useState];\n"),
    ).toBe(0);
  });
});
