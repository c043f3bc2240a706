import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkLaunch,
  parseLaunchQuery,
  signatureValid,
  signedLaunchQuery,
  stringToSign,
} from './launch-signature.js';

// The public test vector of /work/shared/specs/vk-launch-params.md.
const QUERY =
  'vk_user_id=494075&vk_app_id=6736218&vk_is_app_user=1&vk_are_notifications_enabled=1&vk_language=ru&vk_access_token_settings=&vk_platform=android&sign=htQFduJpLxz7ribXRZpDFUH-XEUhC9rBPTJkjUFEkRA';
const SECRET = 'wvl68m4dR1UpLrVRli';

describe('VK launch signature', () => {
  it('builds the string to sign of the spec and accepts its vector', () => {
    const params = parseLaunchQuery(QUERY);
    expect(stringToSign(params.vk)).toBe(
      'vk_access_token_settings=&vk_app_id=6736218&vk_are_notifications_enabled=1&vk_is_app_user=1&vk_language=ru&vk_platform=android&vk_user_id=494075',
    );
    expect(signatureValid(params, SECRET)).toBe(true);
    expect(signatureValid(parseLaunchQuery(`?${QUERY}`), SECRET)).toBe(true);
  });
  it('refuses another secret, a missing sign, and any changed vk_ value', () => {
    expect(signatureValid(parseLaunchQuery(QUERY), `${SECRET}x`)).toBe(false);
    expect(signatureValid(parseLaunchQuery(QUERY.replace(/&sign=.*/, '')), SECRET)).toBe(false);
    expect(
      signatureValid(parseLaunchQuery(QUERY.replace('vk_user_id=494075', 'vk_user_id=494076')), SECRET),
    ).toBe(false);
    expect(signatureValid(parseLaunchQuery(`${QUERY}&vk_group_id=1`), SECRET)).toBe(false);
    // Parameters not starting with vk_ are not signed.
    expect(signatureValid(parseLaunchQuery(`${QUERY}&utm_source=x`), SECRET)).toBe(true);
  });
  it('property: a signed query verifies, and changing any value breaks it', () => {
    const value = fc.string({ maxLength: 12 });
    fc.assert(
      fc.property(
        fc.dictionary(fc.stringMatching(/^vk_[a-z_]{1,10}$/), value, { minKeys: 1 }),
        value,
        (vk, other) => {
          const query = signedLaunchQuery(vk, SECRET);
          expect(signatureValid(parseLaunchQuery(query), SECRET)).toBe(true);
          const key = Object.keys(vk)[0]!;
          if (other !== vk[key]) {
            const changed = parseLaunchQuery(query);
            changed.vk.set(key, other);
            expect(signatureValid(changed, SECRET)).toBe(false);
          }
        },
      ),
    );
  });
  it('refuses another app, a stale vk_ts, one from the future and one without vk_ts', () => {
    const now = new Date('2026-12-04T10:00:00Z');
    const ts = Math.floor(now.getTime() / 1000);
    const check = { appId: 51000001, secret: SECRET, maxAgeSeconds: 86400, now };
    const launch = (extra: Record<string, string | number>) =>
      checkLaunch(
        parseLaunchQuery(signedLaunchQuery({ vk_app_id: 51000001, vk_user_id: 7, ...extra }, SECRET)),
        check,
      );
    expect(launch({ vk_ts: ts - 10, vk_group_id: 42 })).toEqual({
      ok: true,
      launch: expect.objectContaining({ vkUserId: 7, groupId: 42, ts: ts - 10 }),
    });
    expect(launch({ vk_ts: ts - 86401 })).toEqual({ ok: false, reason: 'stale' });
    expect(launch({ vk_ts: ts + 301 })).toEqual({ ok: false, reason: 'stale' });
    expect(launch({})).toEqual({ ok: false, reason: 'stale' });
    expect(launch({ vk_ts: ts, vk_app_id: 1 })).toEqual({ ok: false, reason: 'signature' });
  });
});
