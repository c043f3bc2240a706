import type { Principal, Role, RoleGrant, Scope } from './roles.js';
import { REGION_WIDE_ROLES } from './roles.js';
import { HttpProblem } from '../http/problem.js';

export interface ActionRule {
  roles: readonly Role[];
  description: string;
  /**
   * Its routes answer with a family's personal data (names, birth dates, documents): every
   * successful call by someone other than the family itself is audited as `personal_data.read`.
   */
  personalData?: boolean;
}

/**
 * Authorization is data: every action names the roles that may take it; a grant applies when its
 * scope covers the resource's scope. Modules register their actions at start-up.
 */
const registry = new Map<string, ActionRule>();

export function defineActions(rules: Record<string, ActionRule>): void {
  for (const [action, rule] of Object.entries(rules)) {
    const existing = registry.get(action);
    if (existing && existing !== rule) throw new Error(`Action ${action} is defined twice`);
    registry.set(action, rule);
  }
}

export function actionRule(action: string): ActionRule {
  const rule = registry.get(action);
  if (!rule) throw new Error(`Unknown action ${action}: define it with defineActions()`);
  return rule;
}

export function allActions(): ReadonlyMap<string, ActionRule> {
  return registry;
}

export function grantCovers(grant: RoleGrant, scope: Scope, principal: Principal): boolean {
  if (REGION_WIDE_ROLES.has(grant.role)) return true;
  switch (grant.role) {
    case 'municipal_officer':
      // An officer covers what lies in their municipality; null (the whole region) is not theirs.
      return scope.municipalityId === undefined || scope.municipalityId === grant.municipalityId;
    case 'kindergarten_head':
      if (scope.kindergartenId !== undefined) return scope.kindergartenId === grant.kindergartenId;
      if (scope.organisationId !== undefined) return scope.organisationId === grant.organisationId;
      // A municipality-wide resource is not a head's; a request naming no resource is (lists filtered later).
      return scope.municipalityId === undefined;
    case 'organisation_head':
    case 'organisation_staff':
    case 'meals_officer':
    case 'cook':
    case 'club_teacher':
      // Only what belongs to their organisation; a kindergarten resource names its organisation too.
      if (scope.organisationId !== undefined) return scope.organisationId === grant.organisationId;
      if (scope.kindergartenId !== undefined) return scope.kindergartenId === grant.organisationId;
      return scope.municipalityId === undefined;
    case 'club_coordinator':
    case 'cur_operator':
      // Held over a municipality, or over the region when the grant names none.
      return grant.municipalityId === null || scope.municipalityId === grant.municipalityId;
    case 'contest_organiser':
    case 'contest_expert':
      return true;
    case 'citizen':
      return scope.ownerUserId === undefined || scope.ownerUserId === principal.userId;
    default:
      return false;
  }
}

/** Whether any of the principal's roles may take the action somewhere (scope not yet known). */
export function hasRoleFor(principal: Principal | null, action: string): boolean {
  const rule = actionRule(action);
  return !!principal && principal.grants.some((g) => rule.roles.includes(g.role));
}

/** The one authorization decision of the platform. */
export function can(principal: Principal | null, action: string, scope: Scope = {}): boolean {
  const rule = actionRule(action);
  if (!principal) return false;
  return principal.grants.some((g) => rule.roles.includes(g.role) && grantCovers(g, scope, principal));
}

/** The actions (from `candidates`) the caller may take on a resource, for `permittedActions` in responses. */
export function permittedActions(
  principal: Principal | null,
  scope: Scope,
  candidates: readonly string[],
): string[] {
  return candidates.filter((a) => can(principal, a, scope));
}

/** Grants of a role, e.g. to filter lists to the municipalities an officer covers. */
export function grantsOf(principal: Principal | null, roles: readonly Role[]): RoleGrant[] {
  return principal ? principal.grants.filter((g) => roles.includes(g.role)) : [];
}

/**
 * What the principal's grants for an action cover, to filter a list the request does not narrow
 * to one resource: the whole region, or these municipalities and kindergartens, or the citizen's own.
 */
export interface Coverage {
  region: boolean;
  municipalityIds: number[];
  kindergartenIds: number[];
  ownerUserId: string | null;
}

export function coverageOf(principal: Principal | null, action: string): Coverage {
  const rule = actionRule(action);
  const grants = principal ? principal.grants.filter((g) => rule.roles.includes(g.role)) : [];
  const ids = (pick: (g: RoleGrant) => number | null) => [
    ...new Set(grants.map(pick).filter((id): id is number => id !== null)),
  ];
  return {
    region: grants.some((g) => REGION_WIDE_ROLES.has(g.role)),
    municipalityIds: ids((g) => (g.role === 'municipal_officer' ? g.municipalityId : null)),
    kindergartenIds: ids((g) => (g.role === 'kindergarten_head' ? g.kindergartenId : null)),
    ownerUserId: grants.some((g) => g.role === 'citizen') ? principal!.userId : null,
  };
}

/**
 * The municipality a request with an optional municipality parameter works on. Asked for: that one
 * (the permission check decides). Left out: the whole region (null) for a region-wide grant, else
 * the caller's own municipality, so an open scope never means "everywhere" for an officer.
 */
export function municipalityOrOwn(
  principal: Principal | null,
  action: string,
  requested: number | undefined,
): number | null {
  if (requested !== undefined) return requested;
  const coverage = coverageOf(principal, action);
  if (coverage.region) return null;
  const [own, ...more] = coverage.municipalityIds;
  if (own === undefined) return null; // nobody's: only a region-wide grant covers it
  if (more.length > 0)
    throw new HttpProblem(422, 'invalid-field', 'Choose one of your municipalities.', {
      errors: [
        {
          field: 'query.municipalityId',
          message: 'required when you cover several municipalities',
          expected: `one of ${coverage.municipalityIds.join(', ')}`,
        },
      ],
    });
  return own;
}
