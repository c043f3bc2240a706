/**
 * The region's calendar day at a moment: limits run in the region's days, not UTC's (an appeal sent
 * at 01:30 Moscow time on 29 December is received on the 29th). Moscow time is the default zone.
 */
export function regionDay(at: Date, timeZone = 'Europe/Moscow'): string {
  return new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).format(at);
}
