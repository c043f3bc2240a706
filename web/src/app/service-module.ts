import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import type { Role } from '../api/contracts';
import type { Locale, MessageKey } from '../i18n/messages';

/**
 * What a web feature module (a family service: kindergartens, clubs, meals, feedback, contests, life
 * situations) tells the shell, in one place. The router, the site header and the home page read the
 * list in service-modules.ts and know no module by name: adding a service adds one manifest there.
 */
export interface ServiceModule {
  /** Stable id, also the `module` column of family requests and portal news ('kindergarten', 'clubs'…). */
  id: string;
  /** The service's name (menu group, the home card's heading when it has none of its own). */
  title: MessageKey;
  routes: readonly ModuleRoute[];
  /** Menu entries: without `roles` in the public menu, with `roles` in the «Работа» group for those roles. */
  nav: readonly NavItem[];
  home?: HomeCard;
  /** Names of the service's request kinds (the `kind` of its family requests) for «Мои заявления». */
  requestKinds?: Readonly<Record<string, MessageKey>>;
  /** What the service offers a signed-in family on its home page, chosen by the server from its facts. */
  familyOffers?: FamilyOffers;
}

/** Offers to a signed-in citizen's family («Многодетная семья» for three children under 18). */
export interface FamilyOffers {
  /** Cache key (react-query); the home page adds the locale. */
  queryKey: readonly unknown[];
  /** The family's own offers (a route of the citizen's); an empty list when there are none. */
  load: (locale: Locale, signal: AbortSignal) => Promise<readonly FamilyOffer[]>;
}

export interface FamilyOffer {
  to: string;
  title: string;
  detail?: string;
}

/** Who may open a route: anyone (left out), any signed-in person, or holders of one of the roles. */
export type RouteAccess = 'signedIn' | readonly Role[];

export interface ModuleRoute {
  /** A path under the site root, without the leading slash ('kindergartens/*'). URLs are public: never rename. */
  path: string;
  lazy: NonNullable<RouteObject['lazy']>;
  access?: RouteAccess;
}

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

/** The service's card on the home page (the region's portal for families). */
export interface HomeCard {
  to: string;
  title: MessageKey;
  description: MessageKey;
  icon: ReactNode;
  /** Words a family might type for this service, comma-separated, per language (portal search). */
  keywords: MessageKey;
  /** A live figure of what the service offers now («Свободных мест: 212»). */
  figure?: HomeFigure;
  /** The few things one does first, shown under the card. */
  actions?: readonly { to: string; label: MessageKey }[];
  /** Searches the service's own public records for the portal search (cheap public API only). */
  search?: (query: string, locale: Locale, signal: AbortSignal) => Promise<readonly SearchHit[]>;
}

export interface HomeFigure {
  /** Cache key (react-query) of the number itself: never one of the module's own keys of other shapes. */
  queryKey: readonly unknown[];
  load: (signal: AbortSignal) => Promise<number>;
  /** A message with `{count}`, e.g. «Свободных мест: {count}». */
  label: MessageKey;
}

export interface SearchHit {
  to: string;
  title: string;
  detail?: string;
}
