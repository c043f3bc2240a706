import type { Role } from '../api/contracts';
import type { MessageKey } from '../i18n/messages';

/** Who may open each protected section. The router's guards and the menu both read this one table. */
export const ACCESS = {
  my: ['citizen'],
  staffKindergarten: ['kindergarten_head'],
  staffOrganisation: ['organisation_head', 'organisation_staff', 'meals_officer', 'cook', 'club_teacher'],
  staffCatalog: ['municipal_officer', 'regional_admin'],
  staffApplications: ['municipal_officer', 'regional_admin'],
  staffPlacement: ['municipal_officer', 'regional_admin'],
  staffAnalytics: ['municipal_officer', 'regional_admin'],
  staffAudit: ['auditor', 'sysadmin'],
} as const satisfies Record<string, readonly Role[]>;

export interface NavItem {
  to: string;
  label: MessageKey;
  /** Shown only to holders of one of these roles. */
  roles?: readonly Role[];
  /** Served by the server, not the app: a plain link (full page load). */
  external?: boolean;
  /** Active only on the exact path (the home page). */
  end?: boolean;
}

export const PUBLIC_NAV: readonly NavItem[] = [
  { to: '/', label: 'nav.home', end: true },
  { to: '/kindergartens', label: 'nav.kindergartens' },
  { to: '/queue', label: 'nav.queue' },
  { to: '/statistics', label: 'nav.statistics' },
  { to: '/open-data/', label: 'nav.openData', external: true },
];

export const ROLE_NAV: readonly NavItem[] = [
  { to: '/my', label: 'nav.my', roles: ACCESS.my },
  { to: '/my-directions', label: 'nav.myDirections', roles: ACCESS.my },
  { to: '/staff/organisation', label: 'nav.staffOrganisation', roles: ACCESS.staffOrganisation },
  { to: '/staff/kindergarten', label: 'nav.staffKindergarten', roles: ACCESS.staffKindergarten },
  { to: '/staff/applicants', label: 'nav.staffApplicants', roles: ACCESS.staffKindergarten },
  { to: '/staff/directions', label: 'nav.staffDirections', roles: ACCESS.staffKindergarten },
  { to: '/staff/applications', label: 'nav.staffApplications', roles: ACCESS.staffApplications },
  { to: '/staff/placement', label: 'nav.staffPlacement', roles: ACCESS.staffPlacement },
  { to: '/staff/analytics', label: 'nav.staffAnalytics', roles: ACCESS.staffAnalytics },
  // After the officer's other sections: signing in still lands on /staff/applications.
  { to: '/staff/catalog', label: 'nav.staffCatalog', roles: ACCESS.staffCatalog },
  { to: '/staff/audit', label: 'nav.staffAudit', roles: ACCESS.staffAudit },
];

export function roleNavFor(roles: ReadonlySet<Role>): NavItem[] {
  return ROLE_NAV.filter((item) => !item.roles || item.roles.some((r) => roles.has(r)));
}

/** Where to land after signing in when no return address was given. */
export function homeForRoles(roles: ReadonlySet<Role>): string {
  return roleNavFor(roles)[0]?.to ?? '/account';
}
