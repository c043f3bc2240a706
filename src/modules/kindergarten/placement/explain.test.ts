import { describe, expect, it } from 'vitest';
import { explainChild, registeredOn } from './explain.js';

const at = (day: string) => Date.parse(`${day}T09:00:00Z`) / 1000;

describe('explainChild', () => {
  it('says which choice placed the child and why the better ones did not, naming only classes and dates', () => {
    const e = explainChild({
      priority: [3, at('2024-03-12'), 17],
      placedRank: 2,
      placedName: 'Детский сад № 2',
      keptCurrent: false,
      better: [
        {
          rank: 1,
          name: 'Детский сад № 1',
          outcome: { kind: 'full', cut: { priority: [1, at('2023-01-05'), 3], holdsCurrent: false } },
        },
      ],
    });
    expect(e.en).toBe(
      'Placed at your 2nd choice: Детский сад № 2. Before it: at your 1st choice (Детский сад № 1) the seats were filled; the last admitted child had a first-priority benefit (первоочередное), registered 05.01.2023.',
    );
    expect(e.ru).toContain(
      'Место предоставлено в детском саду «Детский сад № 2» (ваш выбор № 2). Выше по списку: в детском саду «Детский сад № 1» (ваш выбор № 1) места заняты',
    );
    expect(e.ru).toContain('первоочередное право, заявление от 05.01.2023');
  });

  it('explains an unplaced child with its own standing', () => {
    const e = explainChild({
      priority: [3, at('2024-03-12'), 17],
      placedRank: null,
      placedName: null,
      keptCurrent: false,
      better: [
        {
          rank: 1,
          name: 'A',
          outcome: { kind: 'full', cut: { priority: [3, at('2023-02-01'), 9], holdsCurrent: false } },
        },
        { rank: 2, name: 'B', outcome: { kind: 'full', cut: { priority: [0, 0, 0], holdsCurrent: true } } },
      ],
    });
    expect(e.en).toContain(
      'Not placed: at each of your choices the cut-off was higher than your priority (the general queue, registered 12.03.2024)',
    );
    expect(e.en).toContain('children already attending');
    expect(e.ru).toContain('Ребёнок остаётся в очереди');
  });

  it('formats registration dates in Moscow time', () => {
    expect(registeredOn(Date.parse('2024-03-11T22:30:00Z') / 1000)).toBe('12.03.2024');
  });
});
