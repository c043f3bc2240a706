import { UnderConstruction } from '../../app/under-construction';

/**
 * Очередь: the anonymized public queue and position lookup (/queue) — placeholder. The team building this section replaces this file; the router loads
 * `Component` from here lazily (see web/src/app/router.tsx).
 */
export function Component() {
  return <UnderConstruction title="nav.queue" lead="wip.queue.lead" />;
}
