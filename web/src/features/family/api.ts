import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import type {
  FamilyChild,
  FamilyResponse,
  HealthFact,
  HealthFactKind,
  InvitationResponse,
  addChildInputSchema,
} from '@contracts/platform-families';
import { api } from '../../api/api-client';

export type AddChildBody = z.input<typeof addChildInputSchema>;
const familyKey = ['family', 'my'];

export const useFamily = () =>
  useQuery({
    queryKey: familyKey,
    queryFn: ({ signal }) => api.get<FamilyResponse>('/api/my/family', signal),
  });

function useFamilyMutation<I, O>(send: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: send,
    onSuccess: () => client.invalidateQueries({ queryKey: familyKey }),
  });
}

export const useAddChild = () =>
  useFamilyMutation((body: AddChildBody) => api.post<FamilyChild>('/api/my/children', body));

export const useInvite = (childId: string) =>
  useMutation({
    mutationFn: () =>
      api.post<InvitationResponse>(`/api/my/children/${childId}/invitations`, { relation: 'parent' }),
  });

export const useAcceptInvitation = () =>
  useFamilyMutation((code: string) =>
    api.post<{ childId: string }>('/api/my/family/invitations/accept', { code }),
  );

export const useSetHealthFacts = (childId: string) =>
  useFamilyMutation((body: { facts: { kind: HealthFactKind; detail: string }[]; consent: boolean }) =>
    api.put<{ healthFacts: HealthFact[] }>(`/api/my/children/${childId}/health-facts`, body),
  );
