/**
 * Pixel width and height of a JPEG, PNG or WebP image read from its header alone (no decoding, no
 * dependency): pages reserve the image's space before it loads, and uploads are checked against the
 * pixel limit (image-limits.ts) before anything decodes them. The size is reported as claimed, however
 * large; null when the header does not say (a truncated or unusual file, a zero side). EXIF orientation
 * is not applied: these are the stored pixels.
 */
export interface ImageDimensions {
  width: number;
  height: number;
}

const ascii = (b: Uint8Array, at: number, text: string) =>
  b.length >= at + text.length && [...text].every((c, i) => b[at + i] === c.charCodeAt(0));

const be16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!;
const be32 = (b: Uint8Array, at: number) =>
  ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
const le16 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8);
const le24 = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16);
const le32 = (b: Uint8Array, at: number) => (le24(b, at) + (b[at + 3]! << 24)) >>> 0;

function sane(width: number, height: number): ImageDimensions | null {
  return width > 0 && height > 0 ? { width, height } : null;
}

function png(b: Uint8Array): ImageDimensions | null {
  // Signature (8 bytes), then the IHDR chunk: length, type, width, height.
  if (b.length < 24 || !ascii(b, 12, 'IHDR')) return null;
  return sane(be32(b, 16), be32(b, 20));
}

// Start-of-frame markers carry the size; C4 (Huffman tables), C8 (reserved) and CC (arithmetic) do not.
const isStartOfFrame = (m: number) => m >= 0xc0 && m <= 0xcf && m !== 0xc4 && m !== 0xc8 && m !== 0xcc;

function jpeg(b: Uint8Array): ImageDimensions | null {
  let i = 2;
  while (i + 3 < b.length) {
    if (b[i] !== 0xff) return null;
    const marker = b[i + 1]!;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      i += 2; // markers without a length
      continue;
    }
    if (marker === 0xd9 || marker === 0xda) return null; // end of image / scan data before any frame
    const length = be16(b, i + 2);
    if (isStartOfFrame(marker)) return i + 8 < b.length ? sane(be16(b, i + 7), be16(b, i + 5)) : null;
    if (length < 2) return null;
    i += 2 + length;
  }
  return null;
}

function webp(b: Uint8Array): ImageDimensions | null {
  if (b.length < 30) return null;
  if (ascii(b, 12, 'VP8 ')) {
    // Lossy: a key frame's start code, then 14-bit width and height.
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return null;
    return sane(le16(b, 26) & 0x3fff, le16(b, 28) & 0x3fff);
  }
  if (ascii(b, 12, 'VP8L')) {
    // Lossless: signature 0x2f, then width − 1 and height − 1 in 14 bits each.
    if (b[20] !== 0x2f) return null;
    const bits = le32(b, 21);
    return sane((bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1);
  }
  if (ascii(b, 12, 'VP8X')) return sane(le24(b, 24) + 1, le24(b, 27) + 1); // extended: the canvas size
  return null;
}

export type ImageMediaType = 'image/jpeg' | 'image/png' | 'image/webp';

export function imageDimensions(content: Uint8Array, mediaType: ImageMediaType): ImageDimensions | null {
  switch (mediaType) {
    case 'image/png':
      return png(content);
    case 'image/jpeg':
      return jpeg(content);
    case 'image/webp':
      return webp(content);
  }
}
