export const ROLES = [
  'citizen',
  'kindergarten_head',
  'municipal_officer',
  'regional_admin',
  'auditor',
  'sysadmin',
] as const;
export type Role = (typeof ROLES)[number];

/** A role held over a scope: the whole region, one municipality or one kindergarten. */
export interface RoleGrant {
  role: Role;
  municipalityId: number | null;
  kindergartenId: number | null;
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

/** What a request touches, resolved from its parameters before the permission check. */
export interface Scope {
  municipalityId?: number | null;
  kindergartenId?: number | null;
  /** The citizen who owns the resource (an application, a direction). */
  ownerUserId?: string | null;
}

export const REGION_WIDE_ROLES: ReadonlySet<Role> = new Set(['regional_admin', 'auditor', 'sysadmin']);
