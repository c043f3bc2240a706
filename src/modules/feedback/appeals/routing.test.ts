import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { routeAppeal, type RoutingRule } from './routing.js';

const rule = (id: number, r: Partial<RoutingRule>): RoutingRule => ({
  id,
  categoryCode: null,
  municipalityId: null,
  organisationId: null,
  assigneeUserId: `user-${id}`,
  ...r,
});

describe('routing', () => {
  const rules = [
    rule(1, { categoryCode: 'education' }),
    rule(2, { categoryCode: 'education.kindergartens', municipalityId: 7 }),
    rule(3, { organisationId: 42 }),
    rule(4, { municipalityId: 7 }),
  ];
  it('prefers the organisation, then the municipality, then the category leaf over its group', () => {
    expect(
      routeAppeal(rules, { categoryCode: 'education.kindergartens', municipalityId: 7, organisationId: 42 })
        ?.id,
    ).toBe(3);
    expect(
      routeAppeal(rules, { categoryCode: 'education.kindergartens', municipalityId: 7, organisationId: 1 })
        ?.id,
    ).toBe(2);
    expect(
      routeAppeal(rules, { categoryCode: 'roads.repair', municipalityId: 7, organisationId: null })?.id,
    ).toBe(4);
    expect(
      routeAppeal(rules, { categoryCode: 'education.schools', municipalityId: 8, organisationId: null })?.id,
    ).toBe(1);
    expect(
      routeAppeal(rules, { categoryCode: 'roads.repair', municipalityId: 8, organisationId: null }),
    ).toBeNull();
  });
  it('never picks a rule that names another organisation, municipality or category', () => {
    const arbRule = fc.record({
      id: fc.integer({ min: 1, max: 1000 }),
      categoryCode: fc.constantFrom(null, 'education', 'education.schools', 'roads.repair', 'roads'),
      municipalityId: fc.constantFrom(null, 1, 2),
      organisationId: fc.constantFrom(null, 10, 11),
      assigneeUserId: fc.constant('u'),
    });
    const arbAppeal = fc.record({
      categoryCode: fc.constantFrom('education.schools', 'roads.repair', 'education.kindergartens'),
      municipalityId: fc.constantFrom(null, 1, 2),
      organisationId: fc.constantFrom(null, 10, 11),
    });
    fc.assert(
      fc.property(fc.array(arbRule, { maxLength: 12 }), arbAppeal, (rs, a) => {
        const chosen = routeAppeal(rs, a);
        if (!chosen) return;
        if (chosen.organisationId !== null) expect(chosen.organisationId).toBe(a.organisationId);
        if (chosen.municipalityId !== null) expect(chosen.municipalityId).toBe(a.municipalityId);
        if (chosen.categoryCode !== null)
          expect(`${a.categoryCode}.`.startsWith(`${chosen.categoryCode}.`)).toBe(true);
        // The choice does not depend on the rules' order.
        expect(routeAppeal([...rs].reverse(), a)?.id).toBe(chosen.id);
      }),
    );
  });
});
