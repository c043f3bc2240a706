import type { Principal, Role, RoleGrant, Scope } from './roles.js';
import { REGION_WIDE_ROLES } from './roles.js';

export interface ActionRule {
  roles: readonly Role[];
  description: string;
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
      return scope.municipalityId == null || scope.municipalityId === grant.municipalityId;
    case 'kindergarten_head':
      if (scope.kindergartenId != null) return scope.kindergartenId === grant.kindergartenId;
      // A municipality-wide resource is not a head's, a resource with no scope at all is (lists filtered later).
      return scope.municipalityId == null;
    case 'citizen':
      return scope.ownerUserId == null || scope.ownerUserId === principal.userId;
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
