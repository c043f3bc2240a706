import { z } from 'zod';

/** A calendar day 'YYYY-MM-DD' that exists (no 2026-13-45, no 30 February): one schema for every contract. */
export const calendarDate = z.iso.date({ message: 'a date YYYY-MM-DD' });
