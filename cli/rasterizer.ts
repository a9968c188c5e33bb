/** The chart rasteriser for Node (the CLI, tests, benchmarks): resvg's WebAssembly and DejaVu Sans from node_modules. */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { createResvgRasterizer, type ChartRasterizer } from '../shared/report';

const require = createRequire(import.meta.url);

let cached: Promise<ChartRasterizer> | undefined;

export function nodeRasterizer(): Promise<ChartRasterizer> {
  cached ??= (async () => {
    const wasm = await readFile(require.resolve('@resvg/resvg-wasm/index_bg.wasm'));
    const fontDir = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf').replace(/DejaVuSans\.ttf$/, '');
    const fonts = await Promise.all(['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map(async (f) => new Uint8Array(await readFile(fontDir + f))));
    return createResvgRasterizer(wasm, fonts);
  })();
  return cached;
}
