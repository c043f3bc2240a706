import { describe, expect, it } from 'vitest';
import { defineTemplates, renderTemplate } from './templates.js';

defineTemplates({
  'test.formatted': {
    subject: { ru: 'До {until}', en: 'Until {until}' },
    body: {
      ru: 'Зарегистрировано {at}. Мест: {seats}. {text}',
      en: 'Registered on {at}. Places: {seats}. {text}',
    },
  },
});

// Issue 20: what a notification says goes through the locale's date rules — never
// «2026-12-03 11:59 UTC» or «до 2027-01-02»; numbers (often identifiers) stay as they are.
describe('message templates format dates and instants for the locale', () => {
  const params = { until: '2027-01-02', at: '2026-12-03T11:59:00.000Z', seats: 1352, text: 'А-2026-1' };

  it('in Russian', () => {
    const r = renderTemplate('test.formatted', 'ru', params);
    expect(r.subject).toBe('До 2 января 2027 г.');
    // The region's time (Moscow, UTC+3), not UTC.
    expect(r.body).toBe('Зарегистрировано 3 декабря 2026 г. в 14:59. Мест: 1352. А-2026-1');
  });

  it('in English', () => {
    const r = renderTemplate('test.formatted', 'en', params);
    expect(r.subject).toBe('Until 2 January 2027');
    expect(r.body).toBe('Registered on 3 December 2026 at 14:59. Places: 1352. А-2026-1');
  });

  it('leaves placeholders without a value and ordinary strings alone', () => {
    expect(renderTemplate('test.formatted', 'en', { text: '2027' }).subject).toBe('Until {until}');
  });
});
