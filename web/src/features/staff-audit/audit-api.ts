import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import type { AuditEventPage, AuditEventQuery, AuditVerdict } from '@contracts/audit';
import { api } from '../../api/api-client';

export type AuditFilters = Pick<AuditEventQuery, 'action' | 'subjectType' | 'subjectId' | 'from' | 'to'>;

export function useAuditEvents(filters: AuditFilters, beforeSeq: number | null) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(filters)) if (value) params.set(key, String(value));
  if (beforeSeq) params.set('beforeSeq', String(beforeSeq));
  params.set('limit', '25');
  return useQuery({
    queryKey: ['audit-events', filters, beforeSeq],
    queryFn: ({ signal }) => api.get<AuditEventPage>(`/api/audit/events?${params.toString()}`, signal),
    placeholderData: keepPreviousData,
  });
}

export function useVerifyAuditChain() {
  return useMutation({ mutationFn: () => api.get<AuditVerdict>('/api/audit/verify') });
}
