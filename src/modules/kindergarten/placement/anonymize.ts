// Public verification of a confirmed wave: the instance and result with every child id replaced by a
// random token, priorities and programs kept. Tokens are drawn at random and then handed out in the
// order of the original ids, so the spec's tie-break by id (equal priorities) orders the tokens exactly
// as it ordered the ids, and re-solving the published instance gives the published result. Pure: the
// caller passes the randomness.

import type { InstanceJson } from './solver/index.js';

export interface Published {
  instance: InstanceJson;
  result: { version: 1; assignments: Record<string, string | null> };
}

export function anonymize(
  instance: InstanceJson,
  assignments: Readonly<Record<string, string | null>>,
  randomToken: () => string,
): Published {
  const ids = instance.children.map((c) => c.id).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const tokens = new Set<string>();
  while (tokens.size < ids.length) tokens.add(randomToken());
  const sortedTokens = [...tokens].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const tokenOf = new Map(ids.map((id, i) => [id, sortedTokens[i]!]));
  // Published in token order, so the file's order says nothing about the original order either.
  const children = instance.children
    .map((c) => ({ ...c, id: tokenOf.get(c.id)! }))
    .sort((a, b) => (a.id < b.id ? -1 : 1));
  const published: Record<string, string | null> = Object.create(null) as Record<string, string | null>;
  for (const c of children) published[c.id] = null;
  for (const [id, token] of tokenOf)
    published[token] = Object.hasOwn(assignments, id) ? (assignments[id] ?? null) : null;
  return {
    instance: { version: 1, programs: instance.programs, children },
    result: { version: 1, assignments: published },
  };
}
