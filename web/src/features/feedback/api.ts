import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  APPEAL_STATUS_NAMES,
  Appeal,
  AppealCreate,
  AppealSummary,
  FeedbackTopics,
  SimilarAppeal,
  StaffAppeal,
  WITHOUT_ANSWER_GROUND_NAMES,
  categoryTreeSchema,
  staffQueueSchema,
} from '@contracts/feedback';
import type { Organisation, organisationListResponseSchema } from '@contracts/platform-organisations';
import { api } from '../../api/api-client';

export type AppealStatusName = (typeof APPEAL_STATUS_NAMES)[number];
export type WithoutAnswerGroundName = (typeof WITHOUT_ANSWER_GROUND_NAMES)[number];
export type CategoryTree = z.infer<typeof categoryTreeSchema>;
export type StaffQueue = z.infer<typeof staffQueueSchema>;
type OrganisationList = z.infer<typeof organisationListResponseSchema>;

const MY = '/api/my/feedback/appeals';
const STAFF = '/api/staff/feedback/appeals';

export const useCategories = () =>
  useQuery({
    queryKey: ['feedback', 'categories'],
    queryFn: ({ signal }) => api.get<CategoryTree>('/api/feedback/categories', signal),
    staleTime: 60 * 60_000,
  });

export const useTopics = (from: string, to: string) =>
  useQuery({
    queryKey: ['feedback', 'topics', from, to],
    queryFn: ({ signal }) =>
      api.get<FeedbackTopics>(`/api/feedback/topics?from=${from}&to=${to}&limit=10`, signal),
  });

export const useOrganisationSearch = (q: string) =>
  useQuery({
    queryKey: ['feedback', 'organisations', q],
    queryFn: ({ signal }) =>
      api.get<OrganisationList>(`/api/organisations?${new URLSearchParams({ q, pageSize: '8' })}`, signal),
    enabled: q.trim().length >= 2,
  });

export const useOrganisation = (id: number | null) =>
  useQuery({
    queryKey: ['feedback', 'organisation', id],
    queryFn: ({ signal }) => api.get<Organisation>(`/api/organisations/${id}`, signal),
    enabled: id !== null,
  });

// ---- citizen

const myKey = ['feedback', 'my'] as const;

export const useMyAppeals = () =>
  useQuery({
    queryKey: myKey,
    queryFn: ({ signal }) => api.get<{ items: AppealSummary[] }>(MY, signal),
  });

export const useMyAppeal = (id: string) =>
  useQuery({
    queryKey: [...myKey, id],
    queryFn: ({ signal }) => api.get<Appeal>(`${MY}/${id}`, signal),
  });

export const useFileAppeal = () => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: async ({ body, photos }: { body: AppealCreate; photos: File[] }) => {
      const appeal = await api.post<Appeal>(MY, body);
      // The appeal stands once registered; a photo that fails is reported, not a lost appeal.
      const failed: { name: string; error: unknown }[] = [];
      for (const photo of photos) {
        const form = new FormData();
        form.append('file', photo);
        await api.post(`${MY}/${appeal.id}/photos`, form).catch((error: unknown) => {
          failed.push({ name: photo.name, error });
        });
      }
      return { appeal, failed };
    },
    onSuccess: () => client.invalidateQueries({ queryKey: ['feedback', 'my'] }),
  });
};

/** Open similar appeals for what the citizen is writing (asked only once there is enough to compare). */
export const useSimilarAppeals = (
  query: { categoryCode: string; organisationId: number | null; text: string },
  enabled: boolean,
) =>
  useQuery({
    queryKey: ['feedback', 'similar', query.categoryCode, query.organisationId, query.text],
    queryFn: () =>
      api.post<{ items: SimilarAppeal[] }>(`${MY}/similar`, {
        categoryCode: query.categoryCode,
        organisationId: query.organisationId,
        text: query.text,
      }),
    enabled,
    staleTime: 30_000,
    placeholderData: (previous) => previous,
  });

export const useAnswerSurvey = (id: number) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (fixed: boolean) => api.post<Appeal>(`${MY}/${id}/survey`, { fixed }),
    onSuccess: () => client.invalidateQueries({ queryKey: myKey }),
  });
};

export const useRateAppeal = (id: number) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { rating: number; comment?: string }) => api.post<Appeal>(`${MY}/${id}/rating`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: myKey }),
  });
};

// ---- staff

const staffKey = ['feedback', 'staff'] as const;

export const useStaffQueue = (params: URLSearchParams) =>
  useQuery({
    queryKey: [...staffKey, 'queue', params.toString()],
    queryFn: ({ signal }) => api.get<StaffQueue>(`${STAFF}?${params.toString()}`, signal),
    placeholderData: (previous) => previous,
  });

export const useStaffAppeal = (id: string) =>
  useQuery({
    queryKey: [...staffKey, id],
    queryFn: ({ signal }) => api.get<StaffAppeal>(`${STAFF}/${id}`, signal),
  });

export type StaffStep = 'assign' | 'answer' | 'extend' | 'forward' | 'without-answer';

export const useStaffStep = (id: number) => {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ step, body }: { step: StaffStep; body: Record<string, unknown> }) =>
      api.post<StaffAppeal>(`${STAFF}/${id}/${step}`, body),
    onSuccess: () => client.invalidateQueries({ queryKey: staffKey }),
  });
};
