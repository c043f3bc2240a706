import { HttpProblem } from '../http/problem.js';
import { imageDimensions, type ImageDimensions, type ImageMediaType } from './image-dimensions.js';

/**
 * How many pixels an uploaded image may have. A few kilobytes of PNG or JPEG can claim 65535 × 65535
 * pixels (4 gigapixels, 16 GB once decoded): every browser, viewer or thumbnailer that opens it would
 * stall or die. 40 megapixels and 10,000 a side take any phone or camera photo and any document scan.
 * An image whose header gives no size is refused too: there is nothing to check it against, and
 * decoders are more lenient than a header reader (a JPEG with stray bytes between segments decodes).
 */
export const MAX_IMAGE_SIDE = 10_000;
export const MAX_IMAGE_PIXELS = 40_000_000;
const LIMIT = `≤ ${MAX_IMAGE_SIDE} pixels a side and ≤ ${MAX_IMAGE_PIXELS / 1_000_000} megapixels`;

export type ImageSizeCheck =
  | { ok: true; size: ImageDimensions }
  | { ok: false; reason: 'too_large'; size: ImageDimensions }
  | { ok: false; reason: 'unreadable'; size: null };

export function checkImageSize(content: Uint8Array, mediaType: ImageMediaType): ImageSizeCheck {
  const size = imageDimensions(content, mediaType);
  if (!size) return { ok: false, reason: 'unreadable', size: null };
  const fits =
    size.width <= MAX_IMAGE_SIDE &&
    size.height <= MAX_IMAGE_SIDE &&
    size.width * size.height <= MAX_IMAGE_PIXELS;
  return fits ? { ok: true, size } : { ok: false, reason: 'too_large', size };
}

/** The image's size, or a 422 problem on the `file` field that says the limit. */
export function assertImageWithinLimits(content: Uint8Array, mediaType: ImageMediaType): ImageDimensions {
  const check = checkImageSize(content, mediaType);
  if (check.ok) return check.size;
  const message =
    check.reason === 'too_large'
      ? `The image is ${check.size.width} × ${check.size.height} pixels; at most ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels are accepted.`
      : `The image's size cannot be read from its header (a damaged or unusual file); save it again from an image editor, at most ${MAX_IMAGE_SIDE} pixels a side and ${MAX_IMAGE_PIXELS / 1_000_000} megapixels.`;
  throw new HttpProblem(422, check.reason === 'too_large' ? 'image-too-large' : 'image-unreadable', message, {
    errors: [{ field: 'file', message, expected: LIMIT }],
  });
}
