// A plain-language explanation of one child's result, in Russian and English, from the child's own
// facts and the cut-offs (the priority of the last admitted child of each program). It names the
// cut-off's queue class and registration date only — never who that child is.

import { DEFAULT_CLASS_ORDER } from '../queue/queue-priority.js';

export interface Cut {
  /** The last admitted child's priority there: [classRank, registeredAtEpochSeconds, serial]. */
  priority: readonly number[];
  /** The last admitted child already attended this group (a transfer keeps its seat first). */
  holdsCurrent: boolean;
}

/** What happened at one kindergarten the child ranked before its result (or at all, when unplaced). */
export type ChoiceOutcome =
  | { kind: 'no_group' } // no group for the child's age, orientation and stay mode offered seats
  | { kind: 'no_seats' } // fitting groups offered zero seats
  | { kind: 'full'; cut: Cut }; // all seats went to children ranked before this child

export interface ChildFacts {
  /** The child's own priority (base: the general explanation uses it). */
  priority: readonly number[];
  /** 1-based kindergarten rank of the placement, null when unplaced. */
  placedRank: number | null;
  placedName: string | null;
  /** The child keeps the seat it already holds (a transfer that found nothing better). */
  keptCurrent: boolean;
  /** One entry per kindergarten ranked before the placement (all of them when unplaced), best first. */
  better: { rank: number; name: string; outcome: ChoiceOutcome }[];
}

export interface Explanation {
  ru: string;
  en: string;
}

const CLASS_RU: Record<string, string> = {
  extraordinary: 'внеочередное право',
  first: 'первоочередное право',
  sibling: 'преимущественное право (в саду учится брат или сестра)',
  general: 'общая очередь',
};
const CLASS_EN: Record<string, string> = {
  extraordinary: 'a priority-without-queue benefit (внеочередное)',
  first: 'a first-priority benefit (первоочередное)',
  sibling: 'the sibling right (преимущественное)',
  general: 'the general queue',
};

/** What the last admitted child "had", for the cut-off sentence. */
const CUT_EN: Record<string, string> = {
  extraordinary: 'had a priority-without-queue benefit (внеочередное)',
  first: 'had a first-priority benefit (первоочередное)',
  sibling: 'had the sibling right (преимущественное)',
  general: 'was in the general queue',
};

const className = (priority: readonly number[]) => DEFAULT_CLASS_ORDER[priority[0] ?? 3] ?? 'general';

/** 'DD.MM.YYYY' of epoch seconds, in Moscow time like the rest of the public pages. */
export function registeredOn(epochSeconds: number): string {
  const d = new Date((epochSeconds + 3 * 3600) * 1000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(d.getUTCDate())}.${pad(d.getUTCMonth() + 1)}.${d.getUTCFullYear()}`;
}

const ordinalEn = (n: number) =>
  `${n}${n % 10 === 1 && n % 100 !== 11 ? 'st' : n % 10 === 2 && n % 100 !== 12 ? 'nd' : n % 10 === 3 && n % 100 !== 13 ? 'rd' : 'th'}`;

function standing(priority: readonly number[]): Explanation {
  const cls = className(priority);
  const on = registeredOn(priority[1] ?? 0);
  return { ru: `${CLASS_RU[cls]}, заявление от ${on}`, en: `${CLASS_EN[cls]}, registered ${on}` };
}

function outcomeText(o: ChoiceOutcome): Explanation {
  switch (o.kind) {
    case 'no_group':
      return {
        ru: 'в этой волне нет мест в группе для вашего возраста, направленности и режима',
        en: 'no group for your age, orientation and stay mode offered seats in this wave',
      };
    case 'no_seats':
      return { ru: 'свободных мест в подходящей группе не было', en: 'the fitting group had no free seats' };
    case 'full': {
      if (o.cut.holdsCurrent)
        return {
          ru: 'все места остались за детьми, которые уже посещают эту группу (перевод)',
          en: 'every seat stayed with children already attending the group (transfers)',
        };
      const s = standing(o.cut.priority);
      const on = registeredOn(o.cut.priority[1] ?? 0);
      return {
        ru: `места заняты; у последнего принятого ребёнка — ${s.ru}`,
        en: `the seats were filled; the last admitted child ${CUT_EN[className(o.cut.priority)]}, registered ${on}`,
      };
    }
  }
}

export function explainChild(facts: ChildFacts): Explanation {
  const own = standing(facts.priority);
  const reasons = facts.better.map((b) => {
    const t = outcomeText(b.outcome);
    return {
      ru: `в детском саду «${b.name}» (ваш выбор № ${b.rank}) ${t.ru}`,
      en: `at your ${ordinalEn(b.rank)} choice (${b.name}) ${t.en}`,
    };
  });
  const tail = (lang: 'ru' | 'en') => (reasons.length ? `: ${reasons.map((r) => r[lang]).join('; ')}` : '');
  if (facts.keptCurrent)
    return {
      ru: `Вы остаётесь в текущей группе («${facts.placedName}»), более предпочтительных мест не нашлось${tail('ru')}.`,
      en: `You keep your current seat (${facts.placedName}); no preferred seat was available${tail('en')}.`,
    };
  if (facts.placedRank !== null) {
    if (facts.placedRank === 1 || reasons.length === 0)
      return {
        ru: `Место предоставлено в детском саду «${facts.placedName}» (ваш выбор № ${facts.placedRank}).`,
        en: `Placed at your ${ordinalEn(facts.placedRank)} choice: ${facts.placedName}.`,
      };
    return {
      ru: `Место предоставлено в детском саду «${facts.placedName}» (ваш выбор № ${facts.placedRank})${tail('ru').replace(/^: /, '. Выше по списку: ')}.`,
      en: `Placed at your ${ordinalEn(facts.placedRank)} choice: ${facts.placedName}${tail('en').replace(/^: /, '. Before it: ')}.`,
    };
  }
  if (reasons.length === 0)
    return {
      ru: `Место не предоставлено: в заявлении нет выбранных детских садов (${own.ru}). Ребёнок остаётся в очереди.`,
      en: `Not placed: the application lists no kindergartens (${own.en}). The child stays in the queue.`,
    };
  const allFull = facts.better.every((b) => b.outcome.kind === 'full');
  return {
    ru: `Место не предоставлено${allFull ? ': в каждом выбранном саду проходной приоритет оказался выше вашего' : ''} (${own.ru})${tail('ru')}. Ребёнок остаётся в очереди.`,
    en: `Not placed${allFull ? ': at each of your choices the cut-off was higher than your priority' : ''} (${own.en})${tail('en')}. The child stays in the queue.`,
  };
}
