/**
 * Teams' rules for the two app icons: color 192×192, outline 32×32 and white on transparent.
 * PNGs are decoded with pngjs (any bit depth, palette, interlacing), always to 8-bit RGBA.
 */
import { PNG } from 'pngjs';

export interface PngImage {
  width: number;
  height: number;
  /** Bits per channel as stored in the file. */
  bitDepth: number;
  /** PNG colour type: 0 grey, 2 RGB, 3 palette, 4 grey + alpha, 6 RGBA. */
  colorType: number;
  /** Whether the file has an alpha channel (colour type 4 or 6). */
  alpha: boolean;
  /** Pixels as 8-bit RGBA, whatever the file's format. */
  rgba: Uint8Array;
}

/** Decodes a PNG; throws `not a PNG file (…)` when the bytes are not one pngjs can read. */
export function readPng(buf: Uint8Array): PngImage {
  let png: ReturnType<typeof PNG.sync.read>;
  try {
    png = PNG.sync.read(Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength));
  } catch (e) {
    throw new Error(`not a PNG file (${(e as Error).message})`);
  }
  return { width: png.width, height: png.height, bitDepth: png.depth, colorType: png.colorType, alpha: png.alpha, rgba: new Uint8Array(png.data) };
}

/** Problems with the two icons (empty = fine), each naming the file. */
export function checkIcons(color: Uint8Array, outline: Uint8Array, names = { color: 'color.png', outline: 'outline.png' }): string[] {
  const problems: string[] = [];
  const sized = (buf: Uint8Array, name: string, want: number): PngImage | undefined => {
    try {
      const img = readPng(buf);
      if (img.width !== want || img.height !== want) problems.push(`icons: ${name} is ${img.width}×${img.height}; Teams needs ${want}×${want}`);
      return img;
    } catch (e) {
      problems.push(`icons: ${name} is ${(e as Error).message}`);
      return undefined;
    }
  };
  sized(color, names.color, 192);
  const img = sized(outline, names.outline, 32);
  if (!img) return problems;
  if (!img.alpha) {
    problems.push(`icons: ${names.outline} has no alpha channel; the outline icon must be white on a transparent background`);
    return problems;
  }
  const px = img.rgba;
  for (let i = 0; i < px.length; i += 4) {
    if (px[i + 3]! > 0 && (px[i]! < 250 || px[i + 1]! < 250 || px[i + 2]! < 250)) {
      const p = i / 4;
      problems.push(`icons: ${names.outline} has a non-white pixel at (${p % img.width}, ${Math.floor(p / img.width)}); the outline icon must be white on transparent`);
      break;
    }
  }
  return problems;
}
