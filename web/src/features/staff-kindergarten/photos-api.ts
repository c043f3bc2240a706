import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PhotoUpdate, StaffPhoto } from '@contracts/kindergarten-catalog';
import { api, apiRequest } from '../../api/api-client';

/** Upload, edit and delete a kindergarten's photos; afterwards every catalog query is refetched. */
export function usePhotoActions(kindergartenId: number) {
  const queryClient = useQueryClient();
  const base = `/api/staff/kindergartens/${kindergartenId}/photos`;
  const onSuccess = () => queryClient.invalidateQueries({ queryKey: ['catalog'] });
  const upload = useMutation({
    mutationFn: (input: { file: File; altRu: string; altEn: string }) => {
      const form = new FormData();
      form.append('altRu', input.altRu);
      if (input.altEn.trim()) form.append('altEn', input.altEn);
      form.append('file', input.file);
      return apiRequest<StaffPhoto>(base, { method: 'POST', body: form });
    },
    onSuccess,
  });
  const update = useMutation({
    mutationFn: ({ id, ...body }: PhotoUpdate & { id: number }) =>
      api.patch<StaffPhoto>(`${base}/${id}`, body),
    onSuccess,
  });
  const remove = useMutation({
    mutationFn: (id: number) => api.delete<void>(`${base}/${id}`),
    onSuccess,
  });
  return { upload, update, remove };
}
