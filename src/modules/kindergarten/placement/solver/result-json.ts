// A placement as result JSON (spec v1), chunk by chunk. Building the assignments object first would
// turn a million child ids into property names (each interned, in one huge dictionary) only to
// serialize them again; the text is the same as JSON.stringify of solve()'s result.

import type { IndexedInstance } from './indexed-instance.js';
import type { Placement } from './solve.js';

const CHILDREN_PER_CHUNK = 10_000;

export function* resultJsonChunks(indexed: IndexedInstance, placement: Placement): Generator<string> {
  const { childIds, programIds } = indexed;
  const { assigned, placed, proposals, millis } = placement;
  const quotedPrograms = programIds.map((id) => JSON.stringify(id));
  yield '{"version":1,"assignments":{';
  for (let from = 0; from < childIds.length; from += CHILDREN_PER_CHUNK) {
    const to = Math.min(from + CHILDREN_PER_CHUNK, childIds.length);
    const entries = new Array<string>(to - from);
    for (let c = from; c < to; c++) {
      const p = assigned[c]!;
      entries[c - from] = `${JSON.stringify(childIds[c])}:${p === -1 ? 'null' : quotedPrograms[p]}`;
    }
    yield (from > 0 ? ',' : '') + entries.join(',');
  }
  const stats = { children: childIds.length, placed, proposals, millis };
  yield `},"stats":${JSON.stringify(stats)}}`;
}
