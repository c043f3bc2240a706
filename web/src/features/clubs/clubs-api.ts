import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Enrolment, Programme, ProgrammeList } from '@contracts/clubs';
import { api } from '../../api/api-client';

export function listQueryString(params: URLSearchParams): string {
  const out = new URLSearchParams();
  for (const [k, v] of params) if (v !== '' && v !== 'false') out.set(k, v);
  return out.toString();
}

export const useProgrammes = (qs: string) =>
  useQuery({
    queryKey: ['clubs', 'list', qs],
    queryFn: ({ signal }) => api.get<ProgrammeList>(`/api/clubs/programmes?${qs}`, signal),
    placeholderData: keepPreviousData,
  });

export const useProgramme = (id: number) =>
  useQuery({
    queryKey: ['clubs', 'programme', id],
    queryFn: ({ signal }) => api.get<Programme>(`/api/clubs/programmes/${id}`, signal),
    enabled: Number.isInteger(id) && id > 0,
  });

export const useMyEnrolments = (enabled = true) =>
  useQuery({
    queryKey: ['clubs', 'my'],
    queryFn: ({ signal }) => api.get<{ items: Enrolment[] }>('/api/my/clubs/enrolments', signal),
    enabled,
  });

export function useEnrol() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { childId: string; groupId: number }) =>
      api.post<Enrolment>('/api/my/clubs/enrolments', body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['clubs'] }),
  });
}

export function useEnrolmentAction() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ id, action }: { id: number; action: 'withdraw' | 'accept' }) =>
      api.post<Enrolment>(`/api/my/clubs/enrolments/${id}/${action}`, {}),
    onSuccess: () => client.invalidateQueries({ queryKey: ['clubs'] }),
  });
}
