import type { z } from 'zod';
import type {
  openContestsSchema,
  practiceSchema,
  publicContestSchema,
  receiptCheckSchema,
  resultsSchema,
  voteReceiptSchema,
} from '@contracts/contests';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api/api-client';

export type ContestSummary = z.infer<typeof openContestsSchema>[number];
export type PublicContest = z.infer<typeof publicContestSchema>;
export type Practice = z.infer<typeof practiceSchema>;
export type Results = z.infer<typeof resultsSchema>;
export type VoteReceipt = z.infer<typeof voteReceiptSchema>;
export type ReceiptCheck = z.infer<typeof receiptCheckSchema>;

const enc = encodeURIComponent;

export const useContests = () =>
  useQuery({
    queryKey: ['contests'],
    queryFn: ({ signal }) => api.get<ContestSummary[]>('/api/contests', signal),
  });

export const useContest = (id: string) =>
  useQuery({
    queryKey: ['contests', id],
    queryFn: ({ signal }) => api.get<PublicContest>(`/api/contests/${enc(id)}`, signal),
  });

export const usePractice = (contestId: string, practiceId: string) =>
  useQuery({
    queryKey: ['contests', contestId, 'practice', practiceId],
    queryFn: ({ signal }) =>
      api.get<Practice>(`/api/contests/${enc(contestId)}/practices/${enc(practiceId)}`, signal),
  });

/** Published only after the close (spec vote-log.md): before, the server answers 404. */
export const useResults = (contestId: string, enabled: boolean) =>
  useQuery({
    queryKey: ['contests', contestId, 'results'],
    enabled,
    queryFn: ({ signal }) => api.get<Results>(`/open-data/contests/${enc(contestId)}/results.json`, signal),
  });

export function useVote(contestId: string) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (vote: { nominationId: string; practiceId: string }) =>
      api.post<VoteReceipt>(`/api/contests/${enc(contestId)}/votes`, vote),
    onSuccess: () => void client.invalidateQueries({ queryKey: ['contests', contestId] }),
  });
}

export const checkReceipt = (contestId: string, receipt: string) =>
  api.get<ReceiptCheck>(`/api/contests/${enc(contestId)}/receipts/${enc(receipt)}`);
