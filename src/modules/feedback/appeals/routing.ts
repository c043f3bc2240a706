/**
 * Who gets a new appeal: the most specific routing rule that matches it. A rule matches when each
 * field it names equals the appeal's (a category rule may name a whole topic group, `education`);
 * an organisation counts more than a municipality, a municipality more than a category, a leaf more
 * than a group. No match: the appeal waits for the control centre's operators.
 */
export interface RoutingRule {
  id: number;
  categoryCode: string | null;
  municipalityId: number | null;
  organisationId: number | null;
  assigneeUserId: string;
}

export interface RoutedAppeal {
  categoryCode: string;
  municipalityId: number | null;
  organisationId: number | null;
}

function specificity(rule: RoutingRule): number {
  const category = rule.categoryCode === null ? 0 : rule.categoryCode.includes('.') ? 2 : 1;
  return (rule.organisationId !== null ? 100 : 0) + (rule.municipalityId !== null ? 10 : 0) + category;
}

function matches(rule: RoutingRule, appeal: RoutedAppeal): boolean {
  if (rule.organisationId !== null && rule.organisationId !== appeal.organisationId) return false;
  if (rule.municipalityId !== null && rule.municipalityId !== appeal.municipalityId) return false;
  if (rule.categoryCode !== null) {
    const c = rule.categoryCode;
    if (c !== appeal.categoryCode && !appeal.categoryCode.startsWith(`${c}.`)) return false;
  }
  return true;
}

export function routeAppeal(rules: readonly RoutingRule[], appeal: RoutedAppeal): RoutingRule | null {
  let best: RoutingRule | null = null;
  for (const rule of rules) {
    if (!matches(rule, appeal)) continue;
    // Ties (two rules equally specific) go to the older rule, so adding one never silently reroutes.
    if (
      !best ||
      specificity(rule) > specificity(best) ||
      (specificity(rule) === specificity(best) && rule.id < best.id)
    )
      best = rule;
  }
  return best;
}
