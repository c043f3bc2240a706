import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { StaffKindergarten, StaffKindergartenList } from '@contracts/kindergarten-catalog';
import { api } from '../../api/api-client';

export const staffKindergartenKey = (id: number) => ['catalog', 'staff', id] as const;

export function useStaffKindergarten(id: number | null) {
  return useQuery({
    queryKey: staffKindergartenKey(id ?? 0),
    queryFn: ({ signal }) => api.get<StaffKindergarten>(`/api/staff/kindergartens/${id}`, signal),
    enabled: id !== null,
  });
}

export function useStaffKindergartenList() {
  return useQuery({
    queryKey: ['catalog', 'staff', 'list'],
    queryFn: ({ signal }) => api.get<StaffKindergartenList>('/api/staff/kindergartens', signal),
  });
}

/** A staff write; afterwards every catalog query (staff and public) is refetched. */
export function useCatalogWrite<Body>(method: 'POST' | 'PATCH' | 'PUT', path: (body: Body) => string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: Body) => {
      const url = path(body);
      const payload = (body as { payload?: unknown }).payload ?? body;
      return method === 'POST'
        ? api.post<unknown>(url, payload)
        : method === 'PATCH'
          ? api.patch<unknown>(url, payload)
          : api.put<unknown>(url, payload);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['catalog'] }),
  });
}
