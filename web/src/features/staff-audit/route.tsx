import { UnderConstruction } from '../../app/under-construction';

/**
 * Журнал аудита: the audit log (/staff/audit) — placeholder. The team building this section replaces this file; the router loads
 * `Component` from here lazily (see web/src/app/router.tsx).
 */
export function Component() {
  return <UnderConstruction title="nav.staffAudit" lead="wip.staffAudit.lead" />;
}
