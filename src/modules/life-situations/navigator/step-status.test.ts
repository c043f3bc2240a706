import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  situationDefinitionSchema,
  type SituationDefinition,
  type SituationDefinitionInput,
} from '../../../contracts/life-situation-definition.js';
import { planSituation, type RequestFact, type StepView } from './step-status.js';
import { validateSituation } from './situation-validation.js';

const KNOWN = new Map([['mod', Array.from({ length: 12 }, (_, i) => `k${i}`)]]);

const own = (i: number, completes: 'submitted' | 'done' = 'done') => ({
  type: 'own' as const,
  module: 'mod',
  kind: `k${i}`,
  titleRu: `Услуга ${i}`,
  link: `/s/${i}`,
  completes,
});

const parse = (d: SituationDefinitionInput) => situationDefinitionSchema.parse(d);
const base = {
  code: 'test',
  titleRu: 'Проверка',
  summaryRu: 'Ситуация для проверки',
  origin: 'regional' as const,
  source: 'тест',
  questions: [
    {
      id: 'q',
      textRu: 'Вопрос?',
      options: [
        { value: 'yes', labelRu: 'Да' },
        { value: 'no', labelRu: 'Нет' },
      ],
    },
  ],
};

let nextId = 1;
const req = (kind: string, state: RequestFact['state'], status: string = state): RequestFact => ({
  id: nextId++,
  module: 'mod',
  kind,
  status,
  state,
});

describe('planSituation on a hand-made kindergarten-like situation', () => {
  const def = parse({
    ...base,
    items: [
      { id: 'birth', titleRu: 'Ребёнок в семье', services: [], doneWhen: { fact: 'children', atLeast: 1 } },
      { id: 'apply', titleRu: 'Заявление', requires: ['birth'], services: [own(0, 'submitted')] },
      {
        id: 'place',
        titleRu: 'Место',
        requires: ['apply'],
        services: [{ ...own(0), completes: { statuses: ['directed', 'contract'] } }],
      },
      {
        id: 'extra',
        titleRu: 'Кружок',
        group: 'oneOf',
        optional: true,
        steps: [
          { id: 'club', titleRu: 'Секция', services: [own(1)] },
          { id: 'sport', titleRu: 'Спорт', services: [own(2)] },
        ],
      },
      { id: 'benefit', titleRu: 'Льгота', onlyIf: { answer: 'q', equals: 'yes' }, services: [own(3)] },
    ],
  });

  it('a family without a child on file: everything waits on the birth', () => {
    const plan = planSituation(def, { answers: { q: 'no' }, facts: { childAges: [] }, requests: [] });
    expect(plan.skipped).toEqual(['benefit']);
    expect(plan.items.map((i) => [i.id, i.status])).toEqual([
      ['birth', 'not_started'],
      ['apply', 'blocked'],
      ['place', 'blocked'],
      ['extra', 'not_started'],
    ]);
    expect(plan.items[1]!.blockedBy).toEqual(['birth']);
    expect(plan.next).toBe('birth');
  });

  it('an application in the queue: «apply» done, «place» under way and next', () => {
    const r = req('k0', 'open', 'registered');
    const plan = planSituation(def, { answers: {}, facts: { childAges: [3] }, requests: [r] });
    const status = Object.fromEntries(plan.items.map((i) => [i.id, i.status]));
    expect(status).toEqual({
      birth: 'done',
      apply: 'done',
      place: 'in_progress',
      extra: 'not_started',
      benefit: 'not_started',
    });
    expect(plan.items.find((i) => i.id === 'benefit')!.applies).toBe('unknown');
    expect(plan.items.find((i) => i.id === 'place')!.requestIds).toEqual([r.id]);
    expect(plan.next).toBe('place');
  });

  it('the module prefix of a kind matches too, and a withdrawn request counts for nothing', () => {
    const plan = planSituation(def, {
      answers: { q: 'no' },
      facts: { childAges: [3] },
      requests: [{ ...req('mod.k0', 'open', 'directed') }, req('k1', 'withdrawn')],
    });
    expect(plan.items.map((i) => i.status)).toEqual(['done', 'done', 'done', 'not_started']);
    expect(plan.complete).toBe(true); // the optional group does not count
    expect(plan.next).toBeNull();
  });
});

// ——— properties ———

interface Shape {
  n: number;
  requires: number[][];
  optional: boolean[];
  condition: ('none' | 'yes' | 'no')[];
  completes: ('submitted' | 'done')[];
  groupStart: number;
  groupLen: number;
  groupKind: 'allOf' | 'oneOf';
}

const shapeArb: fc.Arbitrary<Shape> = fc.integer({ min: 1, max: 8 }).chain((n) =>
  fc.record({
    n: fc.constant(n),
    requires: fc.tuple(
      ...Array.from({ length: n }, (_, i) =>
        fc.uniqueArray(fc.integer({ min: 0, max: Math.max(0, i - 1) }), { maxLength: i }),
      ),
    ),
    optional: fc.array(fc.boolean(), { minLength: n, maxLength: n }),
    condition: fc.array(fc.constantFrom('none' as const, 'yes' as const, 'no' as const), {
      minLength: n,
      maxLength: n,
    }),
    completes: fc.array(fc.constantFrom('submitted' as const, 'done' as const), {
      minLength: n,
      maxLength: n,
    }),
    groupStart: fc.integer({ min: 0, max: n - 1 }),
    groupLen: fc.integer({ min: 0, max: n }),
    groupKind: fc.constantFrom('allOf' as const, 'oneOf' as const),
  }),
);

function build(s: Shape): SituationDefinition {
  const leaf = (i: number) => ({
    id: `s${i}`,
    titleRu: `Шаг ${i}`,
    optional: s.optional[i],
    ...(s.condition[i] !== 'none' ? { onlyIf: { answer: 'q', equals: s.condition[i]! } } : {}),
    requires: s.requires[i]!.filter((r) => r < i).map((r) => `s${r}`),
    services: [own(i, s.completes[i])],
  });
  const len = Math.min(s.groupLen, s.n - s.groupStart);
  const items: SituationDefinitionInput['items'] = [];
  for (let i = 0; i < s.n; i++) {
    if (len >= 2 && i === s.groupStart) {
      // Members may only wait on steps before the group, so the graph stays acyclic by construction.
      const members = Array.from({ length: len }, (_, k) => {
        const l = leaf(i + k);
        return { ...l, requires: l.requires.filter((r) => Number(r.slice(1)) < i) };
      });
      items.push({ id: 'g', titleRu: 'Группа', group: s.groupKind, steps: members });
      i += len - 1;
    } else items.push(leaf(i));
  }
  return parse({ ...base, items });
}

const requestsArb = fc.array(
  fc.record({
    k: fc.integer({ min: 0, max: 7 }),
    state: fc.constantFrom('open' as const, 'done' as const, 'refused' as const, 'withdrawn' as const),
  }),
  { maxLength: 10 },
);
const toRequests = (rs: { k: number; state: RequestFact['state'] }[]) =>
  rs.map((r, i) => ({ id: i + 1, module: 'mod', kind: `k${r.k}`, status: r.state, state: r.state }));

const flat = (items: readonly StepView[]): StepView[] => items.flatMap((i) => [i, ...(i.steps ?? [])]);

describe('planSituation properties', () => {
  it('generated acyclic situations validate', () => {
    fc.assert(
      fc.property(shapeArb, (s) => {
        expect(validateSituation(build(s), KNOWN)).toEqual([]);
      }),
    );
  });

  it('a step is shown exactly when its «only if» holds; the answer left out shows it as unknown', () => {
    fc.assert(
      fc.property(shapeArb, fc.constantFrom('yes', 'no', undefined), requestsArb, (s, answer, rs) => {
        const plan = planSituation(build(s), {
          answers: answer ? { q: answer } : {},
          facts: null,
          requests: toRequests(rs),
        });
        const shown = new Map(flat(plan.items).map((v) => [v.id, v]));
        for (let i = 0; i < s.n; i++) {
          const c = s.condition[i];
          const v = shown.get(`s${i}`);
          if (c === 'none') expect(v?.applies).toBe('yes');
          else if (!answer) expect(v?.applies).toBe('unknown');
          else if (c === answer) expect(v?.applies).toBe('yes');
          else expect(v).toBeUndefined();
        }
      }),
    );
  });

  it('blocked exactly when not done and an applicable prerequisite is not done, naming it', () => {
    fc.assert(
      fc.property(shapeArb, requestsArb, (s, rs) => {
        const plan = planSituation(build(s), {
          answers: { q: 'yes' },
          facts: null,
          requests: toRequests(rs),
        });
        const views = new Map(flat(plan.items).map((v) => [v.id, v]));
        for (const v of views.values()) {
          if (v.steps) continue;
          for (const b of v.blockedBy) expect(views.get(b)?.status).not.toBe('done');
          if (v.status === 'blocked') expect(v.blockedBy.length).toBeGreaterThan(0);
          else expect(v.blockedBy).toEqual([]);
          // A step with a request under way shows it, unless an earlier step is still waiting.
          if (v.requestIds.length > 0 && v.blockedBy.length === 0)
            expect(['in_progress', 'done']).toContain(v.status);
        }
      }),
    );
  });

  it('a one-of group is done when any member is; an all-of group when every required one is', () => {
    fc.assert(
      fc.property(shapeArb, requestsArb, (s, rs) => {
        const plan = planSituation(build(s), { answers: { q: 'no' }, facts: null, requests: toRequests(rs) });
        const g = plan.items.find((i) => i.id === 'g');
        if (!g) return;
        const members = g.steps!;
        const required = members.filter((m) => !m.optional);
        const counted = required.length > 0 ? required : members;
        const expected =
          members.length === 0 ||
          (g.group === 'oneOf'
            ? members.some((m) => m.status === 'done')
            : counted.every((m) => m.status === 'done'));
        expect(g.status === 'done').toBe(expected);
      }),
    );
  });

  it('complete exactly when every required item is done; optional items never are the next step', () => {
    fc.assert(
      fc.property(shapeArb, requestsArb, (s, rs) => {
        const plan = planSituation(build(s), {
          answers: { q: 'yes' },
          facts: null,
          requests: toRequests(rs),
        });
        const required = plan.items.filter((i) => !i.optional);
        expect(plan.complete).toBe(required.every((i) => i.status === 'done'));
        expect(plan.total).toBe(required.length);
        if (plan.next) {
          const top = plan.items.find((i) => i.id === plan.next || i.steps?.some((m) => m.id === plan.next));
          expect(top?.optional).toBe(false);
        } else expect(required.every((i) => i.status === 'done' || i.status === 'blocked')).toBe(true);
      }),
    );
  });

  it('a finished request never undoes a step (statuses only move forward)', () => {
    const rank = { blocked: 0, not_started: 0, in_progress: 1, done: 2 };
    fc.assert(
      fc.property(shapeArb, requestsArb, fc.integer({ min: 0, max: 7 }), (s, rs, k) => {
        const def = build(s);
        const before = planSituation(def, { answers: { q: 'yes' }, facts: null, requests: toRequests(rs) });
        const more = [...rs, { k, state: 'done' as const }];
        const after = planSituation(def, { answers: { q: 'yes' }, facts: null, requests: toRequests(more) });
        const a = new Map(flat(after.items).map((v) => [v.id, v.status]));
        for (const v of flat(before.items)) {
          if (v.status === 'done') expect(a.get(v.id)).toBe('done');
          expect(rank[a.get(v.id)!]).toBeGreaterThanOrEqual(rank[v.status] === 2 ? 2 : 0);
        }
        expect(after.done).toBeGreaterThanOrEqual(before.done);
      }),
    );
  });
});

describe('validateSituation', () => {
  it('a cycle among prerequisites is refused, naming a step on it', () => {
    fc.assert(
      fc.property(
        shapeArb.filter((s) => s.n >= 2),
        (s) => {
          const def = build({ ...s, groupLen: 0 });
          // The first step waits on the last, which (chained) waits on the first.
          const items = def.items.map((it, i) => ({
            ...it,
            requires:
              i === 0 ? [`s${s.n - 1}`] : i === s.n - 1 ? [...new Set([...it.requires, 's0'])] : it.requires,
          }));
          const problems = validateSituation({ ...def, items } as SituationDefinition, KNOWN);
          const cycle = problems.find((p) => p.message.includes('cycle'));
          expect(cycle).toBeDefined();
          expect(['s0', `s${s.n - 1}`]).toContain(cycle!.stepId);
          expect(cycle!.field).toMatch(/^items\[\d+\]\.requires$/);
        },
      ),
    );
  });

  it('a member waiting on its own group is a cycle', () => {
    const def = parse({
      ...base,
      items: [
        {
          id: 'g',
          titleRu: 'Группа',
          group: 'allOf',
          steps: [
            { id: 'a', titleRu: 'Шаг А', requires: ['g'], services: [own(0)] },
            { id: 'b', titleRu: 'Шаг Б', services: [own(1)] },
          ],
        },
      ],
    });
    expect(validateSituation(def, KNOWN).map((p) => p.message)).toEqual([
      'steps wait on each other in a cycle: «g» → «a» → «g»',
    ]);
  });

  it('a step pointing nowhere, an unknown prerequisite, service or question each name the step', () => {
    const def = parse({
      ...base,
      items: [
        { id: 'empty', titleRu: 'Пусто', services: [] },
        { id: 'lost', titleRu: 'Потерян', requires: ['ghost'], services: [{ ...own(0), module: 'nowhere' }] },
        { id: 'ask', titleRu: 'Вопрос', onlyIf: { answer: 'q', equals: 'maybe' }, services: [own(1)] },
        { id: 'ask', titleRu: 'Повтор', onlyIf: { answer: 'z', equals: 'yes' }, services: [own(2)] },
      ],
    });
    expect(validateSituation(def, KNOWN)).toEqual([
      { field: 'items[0].services', stepId: 'empty', message: 'step «empty» points at no service' },
      {
        field: 'items[1].services[0]',
        stepId: 'lost',
        message: 'step «lost» points at nowhere/k0, which no open-region service offers',
      },
      {
        field: 'items[2].onlyIf',
        stepId: 'ask',
        message: 'compares question «q» to «maybe», not one of its answers',
      },
      { field: 'items[3].id', stepId: 'ask', message: 'the id «ask» is used twice' },
      {
        field: 'items[3].onlyIf',
        stepId: 'ask',
        message: 'asks question «z», which the situation does not have',
      },
      {
        field: 'items[1].requires[0]',
        stepId: 'lost',
        message: 'step «lost» requires «ghost», which is not a step of the situation',
      },
    ]);
  });
});
