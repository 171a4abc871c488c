/**
 * Draws the app's two Teams icons and writes them next to this file:
 *   color.png   192×192, full colour: white target rings on the accent colour, amber bullseye
 *   outline.png  32×32,  white on transparent (Teams' rule for the outline icon)
 *
 * Node only (pngjs writes the files), so the icons can be regenerated anywhere:
 *   npx tsx appPackage/icons.ts
 * The PNGs are committed; run this again only when the design changes.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { PNG } from 'pngjs';

/** The manifest's accentColor: the colour icon's background. Keep the two in step. */
export const ACCENT = '#14607A';

type RGB = [number, number, number];
const hex = (h: string): RGB => [parseInt(h.slice(1, 3), 16), parseInt(h.slice(3, 5), 16), parseInt(h.slice(5, 7), 16)];

/** An RGBA image (8 bits per channel) as PNG bytes, through pngjs. */
export function encodePng(width: number, height: number, rgba: Uint8Array): Buffer {
  const png = new PNG({ width, height, colorType: 6 });
  png.data = Buffer.from(rgba);
  return PNG.sync.write(png, { colorType: 6 });
}

// --- drawing: shapes as coverage functions, anti-aliased by supersampling ---------------------

/** Returns the colour (or null for "nothing here") at a point in a 0..1 square. */
type Shader = (x: number, y: number) => { rgb: RGB; a: number } | null;

function render(size: number, shade: Shader, samples = 4): Uint8Array {
  const out = new Uint8Array(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const s = shade((px + (sx + 0.5) / samples) / size, (py + (sy + 0.5) / samples) / size);
          if (!s) continue;
          r += s.rgb[0] * s.a;
          g += s.rgb[1] * s.a;
          b += s.rgb[2] * s.a;
          a += s.a;
        }
      }
      const i = (py * size + px) * 4;
      const n = samples * samples;
      // Store straight (non-premultiplied) alpha, as PNG expects.
      out[i] = a ? Math.round(r / a) : 0;
      out[i + 1] = a ? Math.round(g / a) : 0;
      out[i + 2] = a ? Math.round(b / a) : 0;
      out[i + 3] = Math.round((a / n) * 255);
    }
  }
  return out;
}

const dist = (x: number, y: number) => Math.hypot(x - 0.5, y - 0.5);
const inRing = (d: number, r: number, w: number) => Math.abs(d - r) <= w / 2;

const WHITE: RGB = [255, 255, 255];
const AMBER: RGB = hex('#F4B63F');

/**
 * Colour icon: a full-bleed accent square (Teams rounds the corners itself), two white rings and an
 * amber bullseye with a white rim. The mark stays inside the central 120×120 px safe area.
 */
const colorShader: Shader = (x, y) => {
  const d = dist(x, y);
  if (d <= 0.075) return { rgb: AMBER, a: 1 };
  if (d <= 0.1) return { rgb: WHITE, a: 1 };
  if (inRing(d, 0.18, 0.05) || inRing(d, 0.28, 0.05)) return { rgb: WHITE, a: 1 };
  return { rgb: hex(ACCENT), a: 1 };
};

/** Outline icon: the same mark in white on transparent, strokes thickened to read at 32 px. */
const outlineShader: Shader = (x, y) => {
  const d = dist(x, y);
  if (d <= 0.1 || inRing(d, 0.245, 0.075) || inRing(d, 0.425, 0.075)) return { rgb: WHITE, a: 1 };
  return null;
};

export function drawIcons(): { color: Buffer; outline: Buffer } {
  return { color: encodePng(192, 192, render(192, colorShader)), outline: encodePng(32, 32, render(32, outlineShader, 8)) };
}

const here = dirname(fileURLToPath(import.meta.url));
if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { color, outline } = drawIcons();
  writeFileSync(join(here, 'color.png'), color);
  writeFileSync(join(here, 'outline.png'), outline);
  console.log(`Wrote ${join(here, 'color.png')} (192×192) and ${join(here, 'outline.png')} (32×32)`);
}
