import { describe, expect, it } from 'vitest';
import type { ApplicationRow, GroupRow } from './build-instance.js';
import { buildInstance, DEFAULT_WAVE_RULES } from './build-instance.js';
import { parseInstance } from './solver/index.js';

const group = (
  groupId: number,
  kindergartenId: number,
  ageFrom: number,
  ageTo: number,
  seats: number,
): GroupRow => ({
  groupId,
  kindergartenId,
  kindergartenCode: `K${kindergartenId}`,
  ageFrom,
  ageTo,
  orientation: 'general',
  stayMode: 'full',
  seats,
});
const app = (number: string, over: Partial<ApplicationRow> = {}): ApplicationRow => ({
  applicationId: `id-${number}`,
  number,
  serial: Number(number.slice(-1)),
  status: 'registered',
  registeredAt: '2024-01-01T00:00:00Z',
  desiredDate: '2026-09-01',
  birthDate: '2023-05-01',
  orientation: 'general',
  stayMode: 'full',
  currentGroupId: null,
  choices: [1, 2],
  benefits: [],
  excluded: false,
  ...over,
});
const wave = { placementDate: '2026-09-01', schoolYearStart: '2026-09-01', rules: DEFAULT_WAVE_RULES };

describe('buildInstance', () => {
  it('lists fitting groups in choice order, applies the sibling right and transfers, and is valid', () => {
    const offered = [group(10, 1, 3, 4, 2), group(11, 1, 1, 3, 1), group(20, 2, 3, 4, 1)];
    const built = buildInstance(
      wave,
      offered,
      [group(30, 3, 3, 4, 0)],
      [
        app('A-3', {
          benefits: [{ class: 'sibling', status: 'verified', validUntil: null, siblingKindergartenId: 2 }],
        }),
        app('A-2', { currentGroupId: 30 }),
        app('A-1', { desiredDate: '2027-09-01' }), // not yet: desired date after the wave
        app('A-4', { excluded: true }),
        app('A-5', { status: 'enrolled' }),
      ],
    );
    expect(() => parseInstance(built.instance)).not.toThrow();
    expect(built.instance.children.map((c) => c.id)).toEqual(['A-2', 'A-3']);
    const [two, three] = built.instance.children;
    expect(two!.preferences).toEqual(['K1/3-4/10', 'K2/3-4/20']);
    expect(two!.current).toBe('K3/3-4/30');
    expect(three!.programPriority).toEqual({
      'K2/3-4/20': [2, Date.parse('2024-01-01T00:00:00Z') / 1000, 3],
    });
    expect(three!.priority[0]).toBe(3);
    expect(built.instance.programs).toEqual([
      { id: 'K1/3-4/10', capacity: 2 },
      { id: 'K1/1-3/11', capacity: 1 },
      { id: 'K2/3-4/20', capacity: 1 },
      { id: 'K3/3-4/30', capacity: 1 },
    ]);
    expect(built.children[0]!.rankOf).toEqual({ 'K1/3-4/10': 1, 'K2/3-4/20': 2 });
  });
});
