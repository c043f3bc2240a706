import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fieldChanges } from './field-changes.js';

const columns = { name: 'name_ru', photos: 'photos', phone: 'phone' } as const;

describe('fieldChanges', () => {
  it('sets only fields given that differ, with before and after', () => {
    const before = { name_ru: 'Сад', photos: [{ url: '/a' }], phone: null };
    const got = fieldChanges(before, { name: 'Сад', photos: [{ url: '/a' }], phone: '+7' }, columns);
    expect(got).toEqual({ set: { phone: '+7' }, changes: { phone: { from: null, to: '+7' } } });
  });

  it('encodes a column value as asked, and compares content, not identity', () => {
    const before = { name_ru: 'Сад', photos: [], phone: null };
    const got = fieldChanges(before, { photos: [{ url: '/b' }] }, columns, (f, v) =>
      f === 'photos' ? JSON.stringify(v) : v,
    );
    expect(got.set).toEqual({ photos: '[{"url":"/b"}]' });
  });

  it('applying the set to the row makes a second diff empty', () => {
    fc.assert(
      fc.property(
        fc.record({ name_ru: fc.string(), photos: fc.array(fc.string()), phone: fc.option(fc.string()) }),
        fc.record(
          { name: fc.string(), photos: fc.array(fc.string()), phone: fc.option(fc.string()) },
          { requiredKeys: [] },
        ),
        (before, input) => {
          const { set } = fieldChanges(before, input, columns);
          expect(fieldChanges({ ...before, ...set }, input, columns).set).toEqual({});
        },
      ),
    );
  });
});
