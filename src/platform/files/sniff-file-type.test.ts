import { describe, expect, it } from 'vitest';
import { pngImage, TINY_JPEG, TINY_WEBP } from '../../app/testing/test-images.js';
import { sniffFileType } from './sniff-file-type.js';

const IMAGES = ['image/jpeg', 'image/png', 'image/webp'] as const;
const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('sniffFileType', () => {
  it('names the type from the content', async () => {
    expect(await sniffFileType(pngImage(4, 3), IMAGES, 1000)).toEqual({ ok: true, mediaType: 'image/png' });
    expect(await sniffFileType(TINY_JPEG, IMAGES, 1000)).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(await sniffFileType(TINY_WEBP, IMAGES, 1000)).toEqual({ ok: true, mediaType: 'image/webp' });
  });

  it('refuses a type the caller does not accept, whatever the file pretends to be', async () => {
    expect(await sniffFileType(PDF, IMAGES, 1000)).toEqual({
      ok: false,
      reason: 'unsupported_type',
      detected: 'application/pdf',
    });
    const text = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"></svg>');
    expect(await sniffFileType(text, IMAGES, 1000)).toMatchObject({ ok: false, reason: 'unsupported_type' });
    // An image, but not one of the accepted types.
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'latin1');
    expect(await sniffFileType(gif, IMAGES, 1000)).toEqual({
      ok: false,
      reason: 'unsupported_type',
      detected: 'image/gif',
    });
  });

  it('refuses an empty file and one over the limit before looking inside', async () => {
    expect(await sniffFileType(Buffer.alloc(0), IMAGES, 10)).toEqual({
      ok: false,
      reason: 'empty',
      detected: null,
    });
    const png = pngImage(4, 3);
    expect(await sniffFileType(png, IMAGES, png.length - 1)).toEqual({
      ok: false,
      reason: 'too_large',
      detected: null,
    });
    expect(await sniffFileType(png, IMAGES, png.length)).toMatchObject({ ok: true });
  });
});
