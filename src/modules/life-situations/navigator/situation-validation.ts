import type { Condition, SituationDefinition, Step } from '../../../contracts/life-situation-definition.js';
import { isGroup } from '../../../contracts/life-situation-definition.js';
import { answersRead } from './conditions.js';

export interface SituationProblem {
  /** The JSON path of the offending value, e.g. `items[2].steps[0].requires[1]`. */
  field: string;
  /** The step (or group) it concerns. */
  stepId: string | null;
  message: string;
}

/** The request kinds of open-region's own services a step may point at, by module. */
export type KnownServices = ReadonlyMap<string, readonly string[]>;

/**
 * What a situation must satisfy beyond its schema: unique ids, every prerequisite a step of the
 * situation, no cycle among prerequisites (a group waits on its members, its members on the group's
 * prerequisites), every step pointing at a known service or a fact that completes it, and every
 * condition asking a question the situation has with one of its answers. Each problem names the step.
 */
export function validateSituation(def: SituationDefinition, known: KnownServices): SituationProblem[] {
  const problems: SituationProblem[] = [];
  const questions = new Map(def.questions.map((q) => [q.id, new Set(q.options.map((o) => o.value))]));
  const seen = new Set<string>();
  // Who waits on whom: the dependency graph the cycle check walks.
  const edges = new Map<string, string[]>();
  const nodes: { id: string; field: string; requires: string[] }[] = [];

  const checkCondition = (c: Condition | undefined, field: string, stepId: string | null) => {
    if (!c) return;
    for (const { question, value } of answersRead(c)) {
      const options = questions.get(question);
      if (!options)
        problems.push({
          field,
          stepId,
          message: `asks question «${question}», which the situation does not have`,
        });
      else if (!options.has(value))
        problems.push({
          field,
          stepId,
          message: `compares question «${question}» to «${value}», not one of its answers`,
        });
    }
  };

  const checkId = (id: string, field: string) => {
    if (seen.has(id)) problems.push({ field, stepId: id, message: `the id «${id}» is used twice` });
    seen.add(id);
  };

  const checkStep = (s: Step, field: string, inherited: string[]) => {
    checkId(s.id, `${field}.id`);
    checkCondition(s.onlyIf, `${field}.onlyIf`, s.id);
    checkCondition(s.doneWhen, `${field}.doneWhen`, s.id);
    if (s.services.length === 0 && !s.doneWhen)
      problems.push({
        field: `${field}.services`,
        stepId: s.id,
        message: `step «${s.id}» points at no service`,
      });
    s.services.forEach((svc, k) => {
      if (svc.type !== 'own') return;
      const kinds = known.get(svc.module);
      if (!kinds || !kinds.includes(svc.kind))
        problems.push({
          field: `${field}.services[${k}]`,
          stepId: s.id,
          message: `step «${s.id}» points at ${svc.module}/${svc.kind}, which no open-region service offers`,
        });
    });
    nodes.push({ id: s.id, field: `${field}.requires`, requires: s.requires });
    edges.set(s.id, [...s.requires, ...inherited]);
  };

  def.questions.forEach((q, i) => {
    if (def.questions.findIndex((o) => o.id === q.id) !== i)
      problems.push({
        field: `questions[${i}].id`,
        stepId: null,
        message: `the question id «${q.id}» is used twice`,
      });
  });
  checkCondition(def.offerWhen, 'offerWhen', null);

  def.items.forEach((item, i) => {
    const field = `items[${i}]`;
    if (isGroup(item)) {
      checkId(item.id, `${field}.id`);
      checkCondition(item.onlyIf, `${field}.onlyIf`, item.id);
      nodes.push({ id: item.id, field: `${field}.requires`, requires: item.requires });
      edges.set(item.id, [...item.requires, ...item.steps.map((s) => s.id)]);
      item.steps.forEach((s, j) => checkStep(s, `${field}.steps[${j}]`, item.requires));
    } else checkStep(item, field, []);
  });

  for (const node of nodes)
    node.requires.forEach((r, k) => {
      if (!seen.has(r))
        problems.push({
          field: `${node.field}[${k}]`,
          stepId: node.id,
          message: `step «${node.id}» requires «${r}», which is not a step of the situation`,
        });
    });

  const cycle = findCycle(edges);
  if (cycle) {
    const first = nodes.find((n) => n.id === cycle[0])!;
    problems.push({
      field: first.field,
      stepId: cycle[0]!,
      message: `steps wait on each other in a cycle: ${[...cycle, cycle[0]].map((s) => `«${s}»`).join(' → ')}`,
    });
  }
  return problems;
}

/** A cycle in the graph (as the list of its nodes), or null. Iterative DFS with three colours. */
export function findCycle(edges: ReadonlyMap<string, readonly string[]>): string[] | null {
  const colour = new Map<string, 'grey' | 'black'>();
  for (const start of edges.keys()) {
    if (colour.has(start)) continue;
    const path: string[] = [];
    const stack: { id: string; next: number }[] = [{ id: start, next: 0 }];
    colour.set(start, 'grey');
    path.push(start);
    while (stack.length > 0) {
      const top = stack[stack.length - 1]!;
      const out = (edges.get(top.id) ?? []).filter((e) => edges.has(e));
      if (top.next < out.length) {
        const to = out[top.next++]!;
        const c = colour.get(to);
        if (c === 'grey') return path.slice(path.indexOf(to));
        if (!c) {
          colour.set(to, 'grey');
          path.push(to);
          stack.push({ id: to, next: 0 });
        }
      } else {
        colour.set(top.id, 'black');
        path.pop();
        stack.pop();
      }
    }
  }
  return null;
}
