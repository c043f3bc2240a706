import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  ApplicationDetail,
  ApplicationInput,
  PositionChangeResponse,
  PositionResponse,
  QueueRulesResponse,
  UploadedFile,
  myApplicationsResponseSchema,
  positionHistoryResponseSchema,
  applicationDraftResponseSchema,
} from '@contracts/kindergarten-queue';
import type { KindergartenList } from '@contracts/kindergarten-catalog';
import { api, apiRequest } from '../../api/api-client';

export type MyApplications = z.infer<typeof myApplicationsResponseSchema>;
export type PositionHistory = z.infer<typeof positionHistoryResponseSchema>;
export type DraftResponse = z.infer<typeof applicationDraftResponseSchema>;

const base = '/api/kindergarten';

export const useMyApplications = () =>
  useQuery({
    queryKey: ['queue', 'my'],
    queryFn: ({ signal }) => api.get<MyApplications>(`${base}/my/applications`, signal),
  });

export const useApplication = (id: string) =>
  useQuery({
    queryKey: ['queue', 'application', id],
    queryFn: ({ signal }) => api.get<ApplicationDetail>(`${base}/applications/${id}`, signal),
  });

export const usePosition = (id: string) =>
  useQuery({
    queryKey: ['queue', 'position', id],
    queryFn: ({ signal }) => api.get<PositionResponse>(`${base}/applications/${id}/position`, signal),
    // Positions are recalculated in the background a moment after a change.
    refetchInterval: (q) => (q.state.data?.inQueue && !q.state.data.municipality ? 2000 : false),
  });

export const usePositionHistory = (id: string) =>
  useQuery({
    queryKey: ['queue', 'history', id],
    queryFn: ({ signal }) =>
      api.get<PositionHistory>(`${base}/applications/${id}/position/history?step=week`, signal),
  });

export const usePositionChange = (id: string, from: string, to: string, kindergartenId?: number) =>
  useQuery({
    queryKey: ['queue', 'change', id, from, to, kindergartenId],
    enabled: !!from && !!to,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({ from, to });
      if (kindergartenId) params.set('kindergartenId', String(kindergartenId));
      return api.get<PositionChangeResponse>(`${base}/applications/${id}/position/change?${params}`, signal);
    },
  });

export const useDraft = () =>
  useQuery({
    queryKey: ['queue', 'draft'],
    queryFn: ({ signal }) => api.get<DraftResponse>(`${base}/applications/draft`, signal),
    staleTime: Infinity,
  });

export const saveDraft = (step: number, data: Record<string, unknown>) =>
  api.put<DraftResponse>(`${base}/applications/draft`, { step, data });

export function useSubmitApplication() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ input, key }: { input: ApplicationInput; key: string }) =>
      apiRequest<ApplicationDetail>(`${base}/applications`, {
        method: 'POST',
        body: input,
        headers: { 'Idempotency-Key': key },
      }),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['queue'] }),
  });
}

export async function uploadDocument(file: File): Promise<UploadedFile> {
  const form = new FormData();
  form.append('file', file);
  return apiRequest<UploadedFile>(`${base}/files`, { method: 'POST', body: form });
}

export function useApplicationAction(id: string) {
  const client = useQueryClient();
  const done = () => void client.invalidateQueries({ queryKey: ['queue'] });
  return {
    changeChoices: useMutation({
      mutationFn: (kindergartenIds: number[]) =>
        api.put<ApplicationDetail>(`${base}/applications/${id}/choices`, { kindergartenIds }),
      onSuccess: done,
    }),
    withdraw: useMutation({
      mutationFn: () => api.post(`${base}/applications/${id}/withdraw`, {}),
      onSuccess: done,
    }),
  };
}

export const useKindergartens = (municipalityId: number | null, age: number | null) =>
  useQuery({
    queryKey: ['queue', 'kindergartens', municipalityId, age],
    enabled: municipalityId !== null,
    queryFn: ({ signal }) => {
      const params = new URLSearchParams({
        municipalityId: String(municipalityId),
        pageSize: '100',
        status: 'operating',
      });
      if (age !== null) params.set('age', String(Math.min(7, Math.max(0, age))));
      return api.get<KindergartenList>(`/api/kindergartens?${params}`, signal);
    },
  });

/** The chosen municipality's queue rules: the wizard offers no more than the server accepts. */
export const useQueueRules = (municipalityId: number | null) =>
  useQuery({
    queryKey: ['queue', 'rules', municipalityId],
    enabled: municipalityId !== null,
    queryFn: ({ signal }) =>
      api.get<QueueRulesResponse>(`/api/public/queue/municipalities/${municipalityId}/rules`, signal),
    staleTime: 5 * 60_000,
  });
