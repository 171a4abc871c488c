import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { drawIcons, encodePng } from '../../../appPackage/icons';
import { checkIcons, readPng } from '../../../src/cli/package/icons';
import { APP_PACKAGE_DIR } from '../../../src/cli/package/manifest';

const color = readFileSync(join(APP_PACKAGE_DIR, 'color.png'));
const outline = readFileSync(join(APP_PACKAGE_DIR, 'outline.png'));
const rgba = (buf: Uint8Array) => readPng(buf).rgba;

describe('app icons', () => {
  it('color.png is 192×192 and outline.png 32×32, both 8-bit RGBA', () => {
    expect(readPng(color)).toMatchObject({ width: 192, height: 192, bitDepth: 8, colorType: 6, alpha: true });
    expect(readPng(outline)).toMatchObject({ width: 32, height: 32, bitDepth: 8, colorType: 6, alpha: true });
  });

  it('the colour icon is opaque and uses more than one colour', () => {
    const px = rgba(color);
    const colours = new Set<string>();
    for (let i = 0; i < px.length; i += 4) {
      expect(px[i + 3]).toBe(255);
      colours.add(`${px[i]},${px[i + 1]},${px[i + 2]}`);
    }
    expect(colours.has('20,96,122')).toBe(true); // the accent colour, #14607A
    expect(colours.has('255,255,255')).toBe(true);
  });

  it('the outline icon is white on transparent, with a visible mark', () => {
    const px = rgba(outline);
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
    expect(Buffer.compare(Buffer.from(rgba(drawn.color)), Buffer.from(rgba(color)))).toBe(0);
    expect(Buffer.compare(Buffer.from(rgba(drawn.outline)), Buffer.from(rgba(outline)))).toBe(0);
  });

  it('checkIcons reports wrong sizes, a non-white outline and a non-PNG', () => {
    expect(checkIcons(outline, color)).toEqual([
      'icons: color.png is 32×32; Teams needs 192×192',
      'icons: outline.png is 192×192; Teams needs 32×32',
      expect.stringContaining('outline.png has a non-white pixel'),
    ]);
    const grey = encodePng(32, 32, new Uint8Array(32 * 32 * 4).fill(128));
    expect(checkIcons(color, grey)).toEqual([expect.stringContaining('outline.png has a non-white pixel at (0, 0)')]);
    expect(checkIcons(Buffer.from('GIF89a'), outline)).toEqual([expect.stringMatching(/^icons: color\.png is not a PNG file \(.+\)$/)]);
  });

  it('checks outlines in any PNG format: a grey mark in a grey-and-alpha image and an opaque RGB image are refused', () => {
    // Formats the old hand-written decoder skipped: it read only 8-bit non-interlaced RGBA.
    const greyMark = new PNG({ width: 32, height: 32, colorType: 4, inputColorType: 6, inputHasAlpha: true });
    greyMark.data.fill(0);
    greyMark.data.set([128, 128, 128, 255], (5 * 32 + 7) * 4);
    const greyAlpha = PNG.sync.write(greyMark, { colorType: 4, inputColorType: 6, inputHasAlpha: true });
    expect(readPng(greyAlpha)).toMatchObject({ colorType: 4, alpha: true });
    expect(checkIcons(color, greyAlpha)).toEqual([expect.stringContaining('outline.png has a non-white pixel at (7, 5)')]);

    const opaque = new PNG({ width: 32, height: 32 });
    opaque.data.fill(255);
    const rgb = PNG.sync.write(opaque, { colorType: 2 });
    expect(checkIcons(color, rgb)).toEqual([expect.stringContaining('outline.png has no alpha channel')]);
  });
});
