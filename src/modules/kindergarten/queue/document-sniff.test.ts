import { describe, expect, it } from 'vitest';
import { TINY_JPEG, TINY_WEBP } from '../../../app/testing/test-images.js';
import { sniffDocument } from './document-sniff.js';

const PDF = Buffer.from('%PDF-1.4\n%âãÏÓ\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n');

describe('sniffDocument (benefit documents)', () => {
  it('keeps PDF, JPEG and PNG and refuses WebP', async () => {
    expect(await sniffDocument(PDF)).toEqual({ ok: true, mediaType: 'application/pdf' });
    expect(await sniffDocument(TINY_JPEG)).toEqual({ ok: true, mediaType: 'image/jpeg' });
    expect(await sniffDocument(TINY_WEBP)).toMatchObject({ ok: false, reason: 'unsupported_type' });
    expect(await sniffDocument(Buffer.alloc(5 * 1024 * 1024 + 1, 1))).toMatchObject({ reason: 'too_large' });
  });
});
