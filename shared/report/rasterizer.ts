/**
 * The chart rasteriser over resvg (WebAssembly): it runs in Node and in a Web Worker
 * alike. resvg has no system fonts in WebAssembly, so the font files are passed in.
 * The WebAssembly module is initialised once per process (resvg allows only one).
 */
import { Resvg, initWasm } from '@resvg/resvg-wasm';
import { CHART_FONT, type ChartRasterizer } from './charts';

let ready: Promise<void> | undefined;

/**
 * `wasm`: resvg's index_bg.wasm (bytes, a compiled module or a fetch Response); `fonts`:
 * TrueType files, the first of them `CHART_FONT` (DejaVu Sans, which has the Kazakh letters).
 */
export async function createResvgRasterizer(wasm: BufferSource | WebAssembly.Module | Response | Promise<Response>, fonts: readonly Uint8Array[]): Promise<ChartRasterizer> {
  ready ??= initWasm(wasm).catch((err: unknown) => {
    // "Already initialized" is fine (another caller won the race); anything else is not.
    if (err instanceof Error && /already/i.test(err.message)) return;
    ready = undefined;
    throw err;
  });
  await ready;
  const fontBuffers = [...fonts];
  return {
    toPng(svg, width) {
      const resvg = new Resvg(svg, {
        fitTo: { mode: 'width', value: Math.round(width) },
        background: '#ffffff',
        font: { fontBuffers, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT, loadSystemFonts: false },
      });
      try {
        const image = resvg.render();
        try {
          return image.asPng();
        } finally {
          image.free();
        }
      } finally {
        resvg.free();
      }
    },
  };
}
