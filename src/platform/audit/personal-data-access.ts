import type { ActionRule } from '../auth/permissions.js';
import { grantCovers } from '../auth/permissions.js';
import type { Principal, Scope } from '../auth/roles.js';
import type { Actor, AuditEntry } from './audit-log.js';

export interface RouteCall {
  method: string;
  /** The matched route's pattern, e.g. `/api/kindergarten/applications/:applicationId`. */
  route: string;
  params: Record<string, unknown>;
  query: Record<string, unknown>;
  status: number;
  export: boolean;
}

/**
 * Whether a finished call read a family's personal data and must leave an audit trace (152-ФЗ:
 * who saw whose data, when). The family reading its own data is not recorded, except an export.
 * The entry names the route and the resource ids, never what was shown or searched for.
 */
export function personalDataAccess(
  rule: ActionRule,
  principal: Principal | null,
  scope: Scope,
  call: RouteCall,
  requestId: string,
): { actor: Actor; entry: AuditEntry } | null {
  // A write is audited as the change it makes; a HEAD answer shows nothing.
  if (!rule.personalData || !principal || call.method !== 'GET' || call.status >= 300) return null;
  const grant = principal.grants.find((g) => rule.roles.includes(g.role) && grantCovers(g, scope, principal));
  if (!grant) return null;
  const own = grant.role === 'citizen';
  if (own && !call.export) return null;
  const params = Object.fromEntries(Object.entries(call.params).map(([k, v]) => [k, String(v)]));
  const subjectId = Object.values(params)[0] ?? null;
  return {
    actor: { userId: principal.userId, role: grant.role, requestId },
    entry: {
      action: call.export ? 'personal_data.export' : 'personal_data.read',
      subjectType: scope.personal?.toLowerCase() ?? subjectTypeOf(call.route),
      subjectId,
      municipalityId: scope.municipalityId ?? null,
      summary: {
        route: `${call.method} ${call.route}`,
        params,
        // Which filters were used, not their values: a search for a surname is itself personal.
        filters: Object.keys(call.query).sort(),
        ownData: own,
      },
    },
  };
}

/** `/api/kindergarten/municipalities/:municipalityId/applications` → `municipality`. */
function subjectTypeOf(route: string): string {
  const named = [...route.matchAll(/\/([a-z-]+)\/:[A-Za-z]+/g)].map((m) => m[1]!);
  const last = named.at(-1) ?? 'route';
  return last.replace(/ies$/, 'y').replace(/s$/, '').replace(/-/g, '_');
}
