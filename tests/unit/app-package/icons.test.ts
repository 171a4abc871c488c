import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { drawIcons, encodePng } from '../../../appPackage/icons';
import { APP_PACKAGE_DIR, checkIcons, decodeRgba, readPngInfo } from '../../../src/cli/package';

const color = readFileSync(join(APP_PACKAGE_DIR, 'color.png'));
const outline = readFileSync(join(APP_PACKAGE_DIR, 'outline.png'));

describe('app icons', () => {
  it('color.png is 192×192 and outline.png 32×32, both RGBA', () => {
    expect(readPngInfo(color)).toEqual({ width: 192, height: 192, bitDepth: 8, colorType: 6 });
    expect(readPngInfo(outline)).toEqual({ width: 32, height: 32, bitDepth: 8, colorType: 6 });
  });

  it('the colour icon is opaque and uses more than one colour', () => {
    const px = decodeRgba(color);
    const colours = new Set<string>();
    for (let i = 0; i < px.length; i += 4) {
      expect(px[i + 3]).toBe(255);
      colours.add(`${px[i]},${px[i + 1]},${px[i + 2]}`);
    }
    expect(colours.has('20,96,122')).toBe(true); // the accent colour, #14607A
    expect(colours.has('255,255,255')).toBe(true);
  });

  it('the outline icon is white on transparent, with a visible mark', () => {
    const px = decodeRgba(outline);
    let opaque = 0;
    let transparent = 0;
    for (let i = 0; i < px.length; i += 4) {
      if (px[i + 3] === 0) transparent++;
      else {
        expect([px[i], px[i + 1], px[i + 2]]).toEqual([255, 255, 255]);
        if (px[i + 3] === 255) opaque++;
      }
    }
    expect(opaque).toBeGreaterThan(100);
    expect(transparent).toBeGreaterThan(100);
    expect(checkIcons(color, outline)).toEqual([]);
  });

  it('the committed PNGs are what the generator draws (pixels, not deflate bytes, which vary by zlib build)', () => {
    const drawn = drawIcons();
    expect(Buffer.compare(Buffer.from(decodeRgba(drawn.color)), Buffer.from(decodeRgba(color)))).toBe(0);
    expect(Buffer.compare(Buffer.from(decodeRgba(drawn.outline)), Buffer.from(decodeRgba(outline)))).toBe(0);
  });

  it('checkIcons reports wrong sizes, a non-white outline and a non-PNG', () => {
    expect(checkIcons(outline, color)).toEqual([
      'icons: color.png is 32×32; Teams needs 192×192',
      'icons: outline.png is 192×192; Teams needs 32×32',
      expect.stringContaining('outline.png has a non-white pixel'),
    ]);
    const grey = encodePng(32, 32, new Uint8Array(32 * 32 * 4).fill(128));
    expect(checkIcons(color, grey)).toEqual([expect.stringContaining('outline.png has a non-white pixel at (0, 0)')]);
    expect(checkIcons(Buffer.from('GIF89a'), outline)).toEqual(['icons: color.png not a PNG file']);
  });
});
