import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { SchoolMenus } from '@contracts/meals';
import type { Organisation } from '@contracts/platform-organisations';
import { api } from '../../api/api-client';

export interface SchoolHit {
  id: number;
  shortName: string;
  address: string | null;
  kind: Organisation['kind'];
}

/** Schools and kindergartens by name or address (the platform's organisations registry). */
export function useSchoolSearch(q: string) {
  return useQuery({
    queryKey: ['meals', 'schools', q],
    queryFn: async ({ signal }) => {
      const base = new URLSearchParams({ pageSize: '20', kind: 'school' });
      if (q.trim()) base.set('q', q.trim());
      const { items } = await api.get<{ items: SchoolHit[] }>(
        `/api/organisations?${base.toString()}`,
        signal,
      );
      return items;
    },
    placeholderData: keepPreviousData,
  });
}

export function useSchoolMenus(organisationId: number, date?: string) {
  const qs = date ? `?date=${date}` : '';
  return useQuery({
    queryKey: ['meals', 'menus', organisationId, date ?? 'today'],
    queryFn: ({ signal }) => api.get<SchoolMenus>(`/api/meals/schools/${organisationId}/menus${qs}`, signal),
    enabled: Number.isInteger(organisationId) && organisationId > 0,
  });
}

export const photoUrl = (dishId: number, photoId: number) => `/api/meals/dishes/${dishId}/photos/${photoId}`;
export const supplierCardUrl = (supplierId: number) => `/meals/suppliers/${supplierId}`;
export const supplierQrUrl = (supplierId: number) => `/api/meals/suppliers/${supplierId}/qr.svg`;
