import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { SituationDefinition } from '@contracts/life-situation-definition';
import type {
  MyRatable,
  Rating,
  RatingList,
  RatingRequest,
  RatingSummary,
  SituationList,
  SituationOffers,
  SituationPlan,
} from '@contracts/life-situations';
import { api, apiRequest } from '../../api/api-client';

export interface SituationDetail {
  version: number;
  updatedAt: string;
  definition: SituationDefinition;
}

export interface SituationVersions {
  items: { version: number; note: string | null; createdAt: string; createdBy: string | null }[];
}

export type Answers = Record<string, string>;

const enc = encodeURIComponent;

export function loadSituations(params: { q?: string; origin?: string }, signal?: AbortSignal) {
  const search = new URLSearchParams();
  if (params.q) search.set('q', params.q);
  if (params.origin) search.set('origin', params.origin);
  const qs = search.toString();
  return api.get<SituationList>(`/api/life-situations${qs ? `?${qs}` : ''}`, signal);
}

export const useSituations = (q: string, origin: string) =>
  useQuery({
    queryKey: ['life', 'situations', q, origin],
    queryFn: ({ signal }) => loadSituations({ q, origin }, signal),
    placeholderData: (previous) => previous,
  });

export const useSituation = (code: string) =>
  useQuery({
    queryKey: ['life', 'situation', code],
    queryFn: ({ signal }) => api.get<SituationDetail>(`/api/life-situations/${enc(code)}`, signal),
  });

/** The plan: the family's own task list when signed in as a citizen, else tailored by the answers alone. */
export const usePlan = (code: string, answers: Answers, personal: boolean, enabled: boolean) =>
  useQuery({
    queryKey: ['life', 'plan', code, personal, answers],
    queryFn: ({ signal }) =>
      apiRequest<SituationPlan>(
        personal ? `/api/my/life-situations/${enc(code)}/plan` : `/api/life-situations/${enc(code)}/plan`,
        { method: 'POST', body: { answers }, signal },
      ),
    enabled,
    placeholderData: (previous) => previous,
  });

export function loadOffers(signal: AbortSignal) {
  return api.get<SituationOffers>('/api/my/life-situations/offers', signal);
}

export const useMyRatable = (enabled: boolean) =>
  useQuery({
    queryKey: ['life', 'my-ratable'],
    queryFn: ({ signal }) => api.get<MyRatable>('/api/my/ratings', signal),
    enabled,
  });

export const useRate = (requestId: number) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: RatingRequest) => api.post<Rating>(`/api/my/requests/${requestId}/rating`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: ['life'] }),
  });
};

export const useRatingSummary = (by: 'service' | 'organisation' | 'municipality') =>
  useQuery({
    queryKey: ['life', 'rating-summary', by],
    queryFn: ({ signal }) => api.get<RatingSummary>(`/api/ratings/summary?by=${by}`, signal),
    placeholderData: (previous) => previous,
  });

export const useLatestRatings = () =>
  useQuery({
    queryKey: ['life', 'ratings', 'latest'],
    queryFn: ({ signal }) => api.get<RatingList>('/api/ratings?pageSize=5', signal),
  });

export const useVersions = (code: string) =>
  useQuery({
    queryKey: ['life', 'versions', code],
    queryFn: ({ signal }) =>
      api.get<SituationVersions>(`/api/staff/life-situations/${enc(code)}/versions`, signal),
    enabled: code !== '',
  });

export const useSaveSituation = (code: string) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { definition: unknown; note?: string }) =>
      api.put<{ version: number; definition: SituationDefinition }>(
        `/api/staff/life-situations/${enc(code)}`,
        body,
      ),
    onSuccess: () => client.invalidateQueries({ queryKey: ['life'] }),
  });
};

export const useStaffRatings = (unanswered: boolean) =>
  useQuery({
    queryKey: ['life', 'staff-ratings', unanswered],
    queryFn: ({ signal }) =>
      api.get<RatingList>(`/api/staff/ratings?unanswered=${unanswered}&pageSize=50`, signal),
  });

export const useAnswerRating = (ratingId: number) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<Rating>(`/api/staff/ratings/${ratingId}/answer`, { body }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['life'] }),
  });
};
