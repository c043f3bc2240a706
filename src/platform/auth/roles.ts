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

/**
 * What a request touches, resolved from its parameters before the permission check. A field left
 * out does not constrain; a field set to null means "none in particular", which only a grant over
 * the whole region covers (an officer asking for every municipality, a paper application with no
 * owner): a scope left open is never "everywhere" for a scoped grant.
 */
export interface Scope {
  municipalityId?: number | null;
  kindergartenId?: number | null;
  /** The citizen who owns the resource (an application, a direction). */
  ownerUserId?: string | null;
  /**
   * The resource's name when its very existence is personal (an application, a child, a
   * notification): a caller who may not see it gets the same 404 as for a missing one, not 403.
   */
  personal?: string;
}

export const REGION_WIDE_ROLES: ReadonlySet<Role> = new Set(['regional_admin', 'auditor', 'sysadmin']);
