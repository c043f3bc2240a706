import type {
  OwnService,
  SituationDefinition,
  SituationItem,
  Step,
} from '../../../contracts/life-situation-definition.js';
import { isGroup } from '../../../contracts/life-situation-definition.js';
import type { RequestState } from '../../../contracts/platform-portal.js';
import { evaluate, type Answers, type FamilyFacts, type Truth } from './conditions.js';

/** One of the family's requests in the platform registry, as the engine needs it. */
export interface RequestFact {
  id: number;
  module: string;
  kind: string;
  status: string;
  state: RequestState;
}

export type StepStatus = 'not_started' | 'blocked' | 'in_progress' | 'done';

export interface StepView {
  id: string;
  status: StepStatus;
  optional: boolean;
  /** `applies` — its «only if» holds (or it has none); `unknown` — it depends on an unanswered question. */
  applies: 'yes' | 'unknown';
  /** The prerequisites not done yet, when blocked. */
  blockedBy: string[];
  /** The family's requests that advance this step (ids in the registry). */
  requestIds: number[];
  group?: 'allOf' | 'oneOf';
  steps?: StepView[];
}

export interface Plan {
  items: StepView[];
  /** Steps and groups left out because their «only if» does not hold. */
  skipped: string[];
  /** The first required step the family can take now. */
  next: string | null;
  /** Required applicable top-level items done, of how many. */
  done: number;
  total: number;
  complete: boolean;
}

export interface PlanInput {
  answers: Answers;
  facts: FamilyFacts | null;
  requests: readonly RequestFact[];
}

/** Whether a registry row is of this own service (a module may spell its kind with its own prefix). */
export function requestMatches(service: OwnService, r: RequestFact): boolean {
  return (
    r.module === service.module && (r.kind === service.kind || r.kind === `${service.module}.${service.kind}`)
  );
}

function completes(service: OwnService, r: RequestFact): boolean {
  if (service.completes === 'submitted') return r.state === 'open' || r.state === 'done';
  if (service.completes === 'done') return r.state === 'done';
  return r.state === 'done' || service.completes.statuses.includes(r.status);
}

/** A leaf step's status from its requests and facts alone, before prerequisites are considered. */
function ownStatus(step: Step, input: PlanInput): { status: StepStatus; requestIds: number[] } {
  const own = step.services.filter((s): s is OwnService => s.type === 'own');
  const matching = input.requests.filter(
    (r) => (r.state === 'open' || r.state === 'done') && own.some((s) => requestMatches(s, r)),
  );
  const requestIds = matching.map((r) => r.id);
  const doneByRequest = matching.some((r) => own.some((s) => requestMatches(s, r) && completes(s, r)));
  const doneByFact = step.doneWhen ? evaluate(step.doneWhen, input.answers, input.facts) === true : false;
  if (doneByRequest || doneByFact) return { status: 'done', requestIds };
  if (matching.some((r) => r.state === 'open')) return { status: 'in_progress', requestIds };
  return { status: 'not_started', requestIds };
}

/**
 * The family's task list for one situation: each applicable step's status computed from the family's
 * real requests and facts, never typed in. A step not started whose prerequisite is not done is
 * blocked, naming it — also when a request it shares with an earlier step is under way (the
 * kindergarten application is the same request from «apply» to «enrolment»); a done step stays done. All-of
 * groups are done when every required member is, one-of groups when any member is. Optional steps
 * show their status but never count toward completion nor become the next step. Assumes a definition
 * that passed `validateSituation` (no cycles); a cycle left in would only leave its steps unblocked.
 */
export function planSituation(def: SituationDefinition, input: PlanInput): Plan {
  const applies = new Map<string, Truth>();
  const skipped: string[] = [];
  const leaves = new Map<string, { step: Step; inherited: string[] }>();
  const groups = new Map<string, SituationItem & { group: 'allOf' | 'oneOf' }>();

  const truth = (item: { onlyIf?: SituationItem['onlyIf'] }) =>
    item.onlyIf ? evaluate(item.onlyIf, input.answers, input.facts) : true;

  for (const item of def.items) {
    const t = truth(item);
    applies.set(item.id, t);
    if (t === false) skipped.push(item.id);
    if (isGroup(item)) {
      groups.set(item.id, item);
      for (const s of item.steps) {
        const st = t === false ? false : and(t, truth(s));
        applies.set(s.id, st);
        if (st === false && t !== false) skipped.push(s.id);
        leaves.set(s.id, { step: s, inherited: item.requires });
      }
    } else leaves.set(item.id, { step: item, inherited: [] });
  }

  const views = new Map<string, StepView>();
  const visiting = new Set<string>();

  const isDone = (id: string): boolean => {
    if (applies.get(id) === false || !applies.has(id)) return true; // not applicable: nothing to wait for
    return view(id)?.status === 'done';
  };

  function view(id: string): StepView | null {
    const known = views.get(id);
    if (known) return known;
    if (visiting.has(id)) return null; // a cycle the validator should have refused
    visiting.add(id);
    const result = groups.has(id) ? groupView(id) : leafView(id);
    visiting.delete(id);
    views.set(id, result);
    return result;
  }

  function leafView(id: string): StepView {
    const { step, inherited } = leaves.get(id)!;
    const own = ownStatus(step, input);
    const blockedBy =
      own.status === 'done' ? [] : [...new Set([...inherited, ...step.requires])].filter((r) => !isDone(r));
    return {
      id,
      status: blockedBy.length > 0 ? 'blocked' : own.status,
      optional: step.optional,
      applies: applies.get(id) === true ? 'yes' : 'unknown',
      blockedBy,
      requestIds: own.requestIds,
    };
  }

  function groupView(id: string): StepView {
    const g = groups.get(id)!;
    const members = (g as { steps: Step[] }).steps
      .filter((s) => applies.get(s.id) !== false)
      .map((s) => view(s.id)!);
    const required = members.filter((m) => !m.optional);
    const counted = required.length > 0 ? required : members;
    const statuses = counted.map((m) => m.status);
    let status: StepStatus;
    if (members.length === 0) status = 'done';
    else if (
      g.group === 'allOf' ? statuses.every((s) => s === 'done') : members.some((m) => m.status === 'done')
    )
      status = 'done';
    else if (members.some((m) => m.status === 'in_progress' || m.status === 'done')) status = 'in_progress';
    else if (statuses.every((s) => s === 'blocked')) status = 'blocked';
    else status = 'not_started';
    const blockedBy = status === 'blocked' ? [...new Set(counted.flatMap((m) => m.blockedBy))] : [];
    return {
      id,
      status,
      optional: g.optional,
      applies: applies.get(id) === true ? 'yes' : 'unknown',
      blockedBy,
      requestIds: members.flatMap((m) => m.requestIds),
      group: g.group,
      steps: members,
    };
  }

  const items = def.items.filter((i) => applies.get(i.id) !== false).map((i) => view(i.id)!);
  const required = items.filter((i) => !i.optional);
  const done = required.filter((i) => i.status === 'done').length;
  return {
    items,
    skipped,
    next: nextStep(required),
    done,
    total: required.length,
    complete: done === required.length,
  };
}

function and(a: Truth, b: Truth): Truth {
  if (a === false || b === false) return false;
  return a === true && b === true ? true : null;
}

/** The first required step, in the situation's order, that is neither done nor waiting on another. */
function nextStep(items: readonly StepView[]): string | null {
  for (const item of items) {
    if (item.status === 'done' || item.status === 'blocked') continue;
    if (!item.steps) return item.id;
    const member = item.steps.find((s) => !s.optional && s.status !== 'done' && s.status !== 'blocked');
    return member?.id ?? item.steps.find((s) => s.status !== 'done' && s.status !== 'blocked')?.id ?? item.id;
  }
  return null;
}
