import type { ServiceRef } from '../../../contracts/life-situation-definition.js';

type External = Extract<ServiceRef, { type: 'external' }>;

/** An external authority's service with the defaults most of them share (free, no prerequisites). */
export function external(s: Omit<External, 'type' | 'cost' | 'prerequisites'> & Partial<External>): External {
  return { type: 'external', cost: 'бесплатно', prerequisites: [], ...s };
}

export const GOSUSLUGI = 'https://www.gosuslugi.ru/';
