import { describe, expect, it } from 'vitest';
import { planSituation } from '../navigator/step-status.js';
import { validateSituation } from '../navigator/situation-validation.js';
import { KNOWN_SERVICES, SHIPPED_SITUATIONS } from './shipped-catalogue.js';

describe('the shipped catalogue', () => {
  it('holds the 24 federal situations with their source, and the two regional family ones', () => {
    const federal = SHIPPED_SITUATIONS.filter((s) => s.origin === 'federal');
    expect(federal).toHaveLength(24);
    expect(federal.every((s) => s.source.includes('Государство для людей'))).toBe(true);
    expect(SHIPPED_SITUATIONS.filter((s) => s.origin === 'regional').map((s) => s.titleRu)).toEqual([
      'Оформление в детский сад',
      'Внешкольная занятость детей',
    ]);
    expect(new Set(SHIPPED_SITUATIONS.map((s) => s.code)).size).toBe(SHIPPED_SITUATIONS.length);
  });

  it('every situation validates; the four family ones are worked out into steps', () => {
    for (const s of SHIPPED_SITUATIONS)
      expect([s.code, validateSituation(s, KNOWN_SERVICES)]).toEqual([s.code, []]);
    const worked = SHIPPED_SITUATIONS.filter((s) => s.items.length > 0).map((s) => s.code);
    expect(worked).toEqual(['birth', 'large-family', 'kindergarten', 'out-of-school']);
  });

  it('«Многодетная семья» is offered to three children under 18 and its status step is done by the facts', () => {
    const large = SHIPPED_SITUATIONS.find((s) => s.code === 'large-family')!;
    const plan = planSituation(large, { answers: {}, facts: { childAges: [16, 9, 4] }, requests: [] });
    expect(plan.items.map((i) => [i.id, i.status])).toEqual([
      ['status', 'done'],
      ['certificate', 'not_started'],
      ['kindergarten-priority', 'blocked'],
      ['benefits', 'not_started'],
    ]);
    const grown = planSituation(large, { answers: {}, facts: { childAges: [19, 9, 4] }, requests: [] });
    expect(grown.items[0]!.status).toBe('not_started');
    expect(grown.skipped).toEqual([]);
    const noToddler = planSituation(large, { answers: {}, facts: { childAges: [16, 9, 8] }, requests: [] });
    expect(noToddler.skipped).toEqual(['kindergarten-priority']);
  });
});
