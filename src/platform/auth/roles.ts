export const ROLES = [
  'citizen',
  'kindergarten_head',
  // Staff of one organisation (a school, a centre of extra education…), with their duties.
  'organisation_head',
  'organisation_staff',
  'meals_officer',
  'cook',
  'club_teacher',
  // Over one municipality, or the region when the grant names none.
  'club_coordinator',
  'municipal_officer',
  'cur_operator',
  // Over the region.
  'contest_organiser',
  'contest_expert',
  'regional_admin',
  'auditor',
  'sysadmin',
] as const;
export type Role = (typeof ROLES)[number];

/** Roles held over one organisation (migrations/0009: role_assignment_level). */
export const ORGANISATION_ROLES: ReadonlySet<Role> = new Set([
  'kindergarten_head',
  'organisation_head',
  'organisation_staff',
  'meals_officer',
  'cook',
  'club_teacher',
]);

/**
 * A role held over a scope: the whole region, one municipality or one organisation. A
 * kindergarten head's organisation is the kindergarten (`organisationId` = `kindergartenId`).
 */
export interface RoleGrant {
  role: Role;
  municipalityId: number | null;
  kindergartenId: number | null;
  organisationId: number | null;
}

export interface Principal {
  userId: string;
  kind: 'staff' | 'citizen';
  fullName: string;
  email: string | null;
  locale: 'ru' | 'en';
  grants: RoleGrant[];
  csrfToken: string;
  totpEnabled: boolean;
}

/**
 * What a request touches, resolved from its parameters before the permission check. A field left
 * out does not constrain; a field set to null means "none in particular", which only a grant over
 * the whole region covers (an officer asking for every municipality, a paper application with no
 * owner): a scope left open is never "everywhere" for a scoped grant.
 */
export interface Scope {
  municipalityId?: number | null;
  kindergartenId?: number | null;
  /** The organisation a resource belongs to (a school, a kindergarten, a centre…). */
  organisationId?: number | null;
  /** The citizen who owns the resource (an application, a direction). */
  ownerUserId?: string | null;
  /**
   * The resource's name when its very existence is personal (an application, a child, a
   * notification): a caller who may not see it gets the same 404 as for a missing one, not 403.
   */
  personal?: string;
}

export const REGION_WIDE_ROLES: ReadonlySet<Role> = new Set(['regional_admin', 'auditor', 'sysadmin']);
