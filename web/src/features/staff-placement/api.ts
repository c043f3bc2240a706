import type { z } from 'zod';
import type { createWaveSchema, WaveReview, WaveSummary } from '@contracts/kindergarten-placement';
import { api } from '../../api/api-client';

export type CreateWave = z.input<typeof createWaveSchema>;

export const placementApi = {
  waves: () => api.get<{ items: WaveSummary[] }>('/api/placement/waves'),
  wave: (id: string) => api.get<WaveSummary>(`/api/placement/waves/${id}`),
  create: (body: CreateWave) => api.post<WaveSummary>('/api/placement/waves', body),
  run: (id: string) => api.post<{ runId: number }>(`/api/placement/waves/${id}/runs`),
  review: (id: string, params: URLSearchParams) =>
    api.get<WaveReview>(`/api/placement/waves/${id}/review?${params.toString()}`),
  excludeApplication: (id: string, applicationId: string, reason: string) =>
    api.post<null>(`/api/placement/waves/${id}/exclusions/applications`, { applicationId, reason }),
  excludeSeat: (id: string, groupId: number, reason: string) =>
    api.post<null>(`/api/placement/waves/${id}/exclusions/seats`, { groupId, reason }),
  confirm: (id: string) =>
    api.post<{ directions: number; runId: number }>(`/api/placement/waves/${id}/confirm`),
};
