import type { Role } from '../api/contracts';
import type { NavItem, ServiceModule } from './service-module';
import { SERVICE_MODULES } from './service-modules';

export type { NavItem } from './service-module';

/** The platform's own protected sections (not a family service). */
export const PLATFORM_ACCESS = {
  myFamily: ['citizen'],
  staffOrganisation: ['organisation_head', 'organisation_staff', 'meals_officer', 'cook', 'club_teacher'],
  staffAudit: ['auditor', 'sysadmin'],
} as const satisfies Record<string, readonly Role[]>;

const PLATFORM_PUBLIC_NAV: readonly NavItem[] = [
  { to: '/open-data/', label: 'nav.openData', external: true },
];
const PLATFORM_ROLE_NAV: readonly NavItem[] = [
  { to: '/my/family', label: 'nav.myFamily', roles: PLATFORM_ACCESS.myFamily },
  { to: '/staff/organisation', label: 'nav.staffOrganisation', roles: PLATFORM_ACCESS.staffOrganisation },
  { to: '/staff/audit', label: 'nav.staffAudit', roles: PLATFORM_ACCESS.staffAudit },
];

export interface NavGroup {
  /** The service, or null for the shell's own entries. */
  module: ServiceModule | null;
  items: NavItem[];
}

const HOME: NavItem = { to: '/', label: 'nav.home', end: true };

const isPublic = (item: NavItem) => !item.roles;
const fits = (roles: ReadonlySet<Role>) => (item: NavItem) =>
  !!item.roles && item.roles.some((r) => roles.has(r));

/** The public menu: home, then each service's public entries, then the platform's (open data). */
export function publicNavGroups(modules: readonly ServiceModule[] = SERVICE_MODULES): NavGroup[] {
  return [
    { module: null, items: [HOME] },
    ...modules.map((module) => ({ module, items: module.nav.filter(isPublic) })),
    { module: null, items: [...PLATFORM_PUBLIC_NAV] },
  ].filter((g) => g.items.length > 0);
}

/** The «Работа» menu: each service's entries for the roles held, then the platform's. */
export function roleNavGroups(
  roles: ReadonlySet<Role>,
  modules: readonly ServiceModule[] = SERVICE_MODULES,
): NavGroup[] {
  return [
    ...modules.map((module) => ({ module, items: module.nav.filter(fits(roles)) })),
    { module: null, items: PLATFORM_ROLE_NAV.filter(fits(roles)) },
  ].filter((g) => g.items.length > 0);
}

export function roleNavFor(roles: ReadonlySet<Role>): NavItem[] {
  return roleNavGroups(roles).flatMap((g) => g.items);
}

/**
 * Where to land after signing in when no return address was given: an organisation's staff land on
 * its card («Моя организация»), whatever services their roles also reach; others on their first entry.
 */
export function homeForRoles(roles: ReadonlySet<Role>): string {
  const organisation = PLATFORM_ROLE_NAV.find((i) => i.to === '/staff/organisation');
  if (organisation && fits(roles)(organisation)) return organisation.to;
  return roleNavFor(roles)[0]?.to ?? '/account';
}
