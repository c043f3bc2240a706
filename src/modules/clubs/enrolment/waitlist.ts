/**
 * The waitlist of a full group: arrival order (the moment the request was registered, then its
 * number), promotion of the first ones when seats free up, each with an offer valid for a limited
 * time. Pure: the caller passes the entries and the clock.
 */
export interface WaitlistEntry {
  id: number;
  waitlistedAt: Date;
}

export function waitlistOrder<T extends WaitlistEntry>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => a.waitlistedAt.getTime() - b.waitlistedAt.getTime() || a.id - b.id);
}

/** 1-based place of an entry («вы 3-й в листе ожидания»); null when it is not on the list. */
export function waitlistPlace(entries: readonly WaitlistEntry[], id: number): number | null {
  const index = waitlistOrder(entries).findIndex((e) => e.id === id);
  return index < 0 ? null : index + 1;
}

/** Default offer validity: three days to accept a freed seat. */
export const OFFER_HOURS = 72;

export interface Offer {
  id: number;
  expiresAt: Date;
}

/** Offers for the first `freeSeats` entries in arrival order. */
export function promote(
  entries: readonly WaitlistEntry[],
  freeSeats: number,
  now: Date,
  offerHours = OFFER_HOURS,
): Offer[] {
  if (freeSeats <= 0) return [];
  const expiresAt = new Date(now.getTime() + offerHours * 3_600_000);
  return waitlistOrder(entries)
    .slice(0, freeSeats)
    .map((e) => ({ id: e.id, expiresAt }));
}

/** Offers past their time: they are withdrawn and their seats go to the next in line. */
export function expiredOffers<T extends { id: number; offerExpiresAt: Date }>(
  offers: readonly T[],
  now: Date,
): T[] {
  return offers.filter((o) => o.offerExpiresAt.getTime() <= now.getTime());
}
