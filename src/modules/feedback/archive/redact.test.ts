import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REDACTED, redact } from './redact.js';

const SURNAMES = ['Иванов', 'Смирнова', 'Кузнецов', 'Попова', 'Соколов-Белый', 'Ерёмина'];
const FIRST = ['Мария', 'Дмитрий', 'Анна', 'Сергей', 'Ольга'];
const PATRONYMICS = ['Петровна', 'Игоревич', 'Сергеевна', 'Ильич', 'Никитична'];
const STREETS = ['ул. Ленина', 'улица Садовая', 'проспект Мира', 'пер. Кооперативный', 'мкр. Солнечный'];

const pick = <T>(xs: readonly T[]) => fc.constantFrom(...xs);
const phone = fc
  .tuple(
    fc.integer({ min: 900, max: 999 }),
    fc.integer({ min: 100, max: 999 }),
    fc.integer({ min: 10, max: 99 }),
    fc.integer({ min: 10, max: 99 }),
  )
  .chain(([a, b, c, d]) =>
    pick([
      `+7 (${a}) ${b}-${c}-${d}`,
      `8 ${a} ${b} ${c} ${d}`,
      `8${a}${b}${c}${d}`,
      `+7${a}${b}${c}${d}`,
      `8-${a}-${b}-${c}-${d}`,
    ]),
  );
const name = fc
  .tuple(pick(SURNAMES), pick(FIRST), pick(PATRONYMICS))
  .chain(([s, f, p]) =>
    pick([
      `${s} ${f} ${p}`,
      `${f} ${p} ${s}`,
      `${s} ${f[0]}. ${p[0]}.`,
      `${f[0]}.${p[0]}. ${s}`,
      `${f} ${p}`,
    ]),
  );
const address = fc
  .tuple(pick(STREETS), fc.integer({ min: 1, max: 150 }), fc.integer({ min: 1, max: 300 }))
  .chain(([s, h, f]) =>
    pick([`${s}, д. ${h}, кв. ${f}`, `${s} ${h}-${f}`, `${s}, дом ${h}`, `${s}, д. ${h}`]),
  );
const email = fc.constantFrom('mama.ivanova@mail.ru', 'd.kuznetsov@example.org', 'parent_2019@yandex.ru');
const filler = fc.constantFrom(
  'В группе холодно, просим проверить отопление.',
  'Ответ дан по существу: замена батарей запланирована на март.',
  'Спасибо за обращение.',
  'Проверка проведена 12 марта 2026 г., нарушений не выявлено.',
);

describe('redacting personal data before publication', () => {
  it('removes every injected name, phone, e-mail and address, and keeps the rest', () => {
    fc.assert(
      fc.property(filler, name, phone, email, address, filler, (a, n, p, e, addr, b) => {
        const text = `${a} Заявитель: ${n}, тел. ${p}, ${e}. Адрес: ${addr}. ${b}`;
        const out = redact(text);
        for (const secret of [n, p, e, addr]) expect(out).not.toContain(secret);
        for (const word of n.split(/[\s.]+/).filter((w) => w.length > 2)) expect(out).not.toContain(word);
        expect(out).toContain(a.slice(0, 20));
        expect(out).toContain(REDACTED.phone);
      }),
      { numRuns: 300 },
    );
  });

  it('removes the author’s own name wherever it appears, and long numbers', () => {
    expect(
      redact('Пишет Кузнецов Дмитрий. Дмитрий просит ответить. СНИЛС 123-456-789 01', [
        'Кузнецов Дмитрий Игоревич',
      ]),
    ).toBe(`Пишет ${REDACTED.name}. ${REDACTED.name} просит ответить. СНИЛС ${REDACTED.number}`);
  });

  it('finds a house and a flat without a street', () => {
    expect(redact('Живём в доме 5, кв. 12, а дом 7 рядом')).toBe(
      `Живём в доме 5, ${REDACTED.address}, а ${REDACTED.address} рядом`,
    );
  });

  it('leaves dates, percentages, organisation numbers and officials’ positions alone', () => {
    const text =
      'Детский сад № 14 проверен 12.03.2026, температура 22 °C, 98 % групп в норме. Заведующий проведёт собрание.';
    expect(redact(text)).toBe(text);
  });
});
