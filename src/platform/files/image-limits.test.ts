import { describe, expect, it } from 'vitest';
import { pngClaiming, pngImage, TINY_JPEG } from '../../app/testing/test-images.js';
import { HttpProblem } from '../http/problem.js';
import { assertImageWithinLimits, checkImageSize, MAX_IMAGE_PIXELS, MAX_IMAGE_SIDE } from './image-limits.js';

describe('image pixel limits', () => {
  it('accepts up to 10,000 pixels a side and 40 megapixels', () => {
    expect(MAX_IMAGE_SIDE).toBe(10_000);
    expect(MAX_IMAGE_PIXELS).toBe(40_000_000);
    expect(checkImageSize(pngImage(64, 48), 'image/png')).toEqual({
      ok: true,
      size: { width: 64, height: 48 },
    });
    expect(checkImageSize(pngClaiming(10_000, 4_000), 'image/png')).toMatchObject({ ok: true });
    expect(checkImageSize(TINY_JPEG, 'image/jpeg')).toMatchObject({ ok: true });
  });

  it('refuses a side over 10,000, an area over 40 megapixels and a header claiming 65535 × 65535', () => {
    for (const [w, h] of [
      [10_001, 10],
      [10, 10_001],
      [7_000, 6_000],
      [65_535, 65_535],
      [100_000, 1],
      [2 ** 31 - 1, 2 ** 31 - 1],
    ] as const)
      expect(checkImageSize(pngClaiming(w, h), 'image/png'), `${w}×${h}`).toEqual({
        ok: false,
        reason: 'too_large',
        size: { width: w, height: h },
      });
  });

  it('refuses an image whose header gives no size (nothing to check it against)', () => {
    expect(checkImageSize(pngImage(4, 4).subarray(0, 20), 'image/png')).toEqual({
      ok: false,
      reason: 'unreadable',
      size: null,
    });
    expect(checkImageSize(pngClaiming(0, 10), 'image/png')).toMatchObject({
      ok: false,
      reason: 'unreadable',
    });
  });

  it('turns a refusal into a 422 problem naming the file field and the limit', () => {
    expect(assertImageWithinLimits(pngImage(3, 2), 'image/png')).toEqual({ width: 3, height: 2 });
    let thrown: unknown;
    try {
      assertImageWithinLimits(pngClaiming(65_535, 65_535), 'image/png');
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(HttpProblem);
    const p = thrown as HttpProblem;
    expect([p.status, p.code]).toEqual([422, 'image-too-large']);
    expect(p.message).toContain('65535 × 65535');
    expect(p.message).toContain('10000');
    expect(p.message).toContain('40 megapixels');
    expect(p.extra.errors).toEqual([
      expect.objectContaining({ field: 'file', expected: '≤ 10000 pixels a side and ≤ 40 megapixels' }),
    ]);
  });
});
