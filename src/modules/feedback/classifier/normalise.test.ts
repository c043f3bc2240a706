import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeEntities, normaliseText, stripHtml, words } from './normalise.js';

describe('normaliseText', () => {
  it('strips tags, scripts, comments and entities, lower-cases and turns ё into е', () => {
    expect(normaliseText('<p>Ёлка во&nbsp;ДВОРЕ</p><br/>сломана&hellip;')).toBe('елка во дворе сломана…');
    expect(normaliseText('<div class="x">Нет&#160;света &#x2014; <b>третий</b> день</div>')).toBe(
      'нет света — третий день',
    );
    expect(
      normaliseText('До<script>alert("школа")</script>рога <!-- комментарий --> &laquo;Мира&raquo;'),
    ).toBe('до рога «мира»');
    // An escaped tag is stripped too: it was markup for the writer's form, not words.
    expect(normaliseText('&lt;p&gt;Мусор&lt;/p&gt;')).toBe('мусор');
    // Not a tag: a comparison the citizen wrote.
    expect(normaliseText('температура < 18 градусов')).toBe('температура < 18 градусов');
    expect(decodeEntities('&unknown; &amp;')).toBe('&unknown; &');
    expect(stripHtml('a<br>b')).toBe('a b');
  });

  it('splits words on anything but letters and digits', () => {
    expect(words(normaliseText('Автобус №12, ул.Ленина-5!!!'))).toEqual([
      'автобус',
      '12',
      'ул',
      'ленина',
      '5',
    ]);
  });

  const word = fc.stringMatching(/^[А-ЯЁа-яё]{1,12}$/);
  const tag = fc.constantFrom(
    '<p>',
    '</p>',
    '<br/>',
    '<div class="a">',
    '</div>',
    '<b>',
    '<span style="x">',
    '&nbsp;',
  );

  it('gives the same words whatever tags and &nbsp; stand between them (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(word, tag), { minLength: 1, maxLength: 12 }), (pairs) => {
        const plain = pairs.map(([w]) => w).join(' ');
        const html = pairs.map(([w, t]) => `${w}${t}`).join('');
        expect(words(normaliseText(html))).toEqual(words(normaliseText(plain)));
      }),
    );
  });

  it('leaves no tag, no upper case and no «ё» (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(word, tag, fc.string()), { maxLength: 20 }), (parts) => {
        const out = normaliseText(parts.join(' '));
        expect(out).not.toMatch(/<\/?[a-zA-Z][^<>]*>/);
        expect(out).toBe(out.toLowerCase());
        expect(out).not.toContain('ё');
        expect(normaliseText(out)).toBe(out);
      }),
    );
  });
});
