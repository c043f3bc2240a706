import { describe, expect, it } from 'vitest';
import { pngImage, TINY_JPEG, TINY_WEBP } from '../../app/testing/test-images.js';
import { imageDimensions } from './image-dimensions.js';

/** A lossy WebP header (RIFF, VP8 chunk, key frame start code) of the given size. */
function lossyWebpHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(40);
  b.write('RIFF', 0, 'ascii');
  b.writeUInt32LE(32, 4);
  b.write('WEBPVP8 ', 8, 'ascii');
  b.set([0x9d, 0x01, 0x2a], 23);
  b.writeUInt16LE(width, 26);
  b.writeUInt16LE(height, 28);
  return b;
}

function extendedWebpHeader(width: number, height: number): Buffer {
  const b = Buffer.alloc(40);
  b.write('RIFF', 0, 'ascii');
  b.write('WEBPVP8X', 8, 'ascii');
  b.writeUIntLE(width - 1, 24, 3);
  b.writeUIntLE(height - 1, 27, 3);
  return b;
}

/** A baseline JPEG's markers up to the frame header: SOI, an APP0 segment, SOF0. */
function baselineJpegHeader(width: number, height: number): Buffer {
  const app0 = Buffer.from([0xff, 0xe0, 0x00, 0x06, 0x4a, 0x46, 0x49, 0x46]);
  const sof = Buffer.from([0xff, 0xc0, 0x00, 0x0b, 0x08, 0, 0, 0, 0, 0x01, 0x01, 0x11, 0x00]);
  sof.writeUInt16BE(height, 5);
  sof.writeUInt16BE(width, 7);
  return Buffer.concat([Buffer.from([0xff, 0xd8]), app0, sof]);
}

describe('imageDimensions', () => {
  it('reads PNG, JPEG (baseline and progressive) and WebP (lossy, lossless, extended) headers', () => {
    expect(imageDimensions(pngImage(320, 200), 'image/png')).toEqual({ width: 320, height: 200 });
    expect(imageDimensions(TINY_JPEG, 'image/jpeg')).toEqual({ width: 1, height: 1 });
    expect(imageDimensions(baselineJpegHeader(1920, 1080), 'image/jpeg')).toEqual({
      width: 1920,
      height: 1080,
    });
    expect(imageDimensions(TINY_WEBP, 'image/webp')).toEqual({ width: 1, height: 1 });
    expect(imageDimensions(lossyWebpHeader(800, 600), 'image/webp')).toEqual({ width: 800, height: 600 });
    expect(imageDimensions(extendedWebpHeader(4000, 3000), 'image/webp')).toEqual({
      width: 4000,
      height: 3000,
    });
  });

  it('gives null, never throws, for truncated or inconsistent headers', () => {
    const png = pngImage(10, 10);
    for (let n = 0; n < 30; n++) {
      expect(() => imageDimensions(png.subarray(0, n), 'image/png')).not.toThrow();
      expect(() => imageDimensions(TINY_JPEG.subarray(0, n), 'image/jpeg')).not.toThrow();
      expect(() => imageDimensions(TINY_WEBP.subarray(0, n), 'image/webp')).not.toThrow();
    }
    expect(imageDimensions(png.subarray(0, 20), 'image/png')).toBeNull();
    expect(imageDimensions(Buffer.from([0xff, 0xd8, 0xff, 0xda, 0, 2]), 'image/jpeg')).toBeNull();
    expect(imageDimensions(Buffer.from([0xff, 0xd8, 0x00, 0x00, 0, 2]), 'image/jpeg')).toBeNull();
    expect(imageDimensions(lossyWebpHeader(0, 600), 'image/webp')).toBeNull();
  });
});
