import type { z } from 'zod';
import type { waveSeatListSchema } from '@contracts/kindergarten-placement';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/api-client';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { TextField } from '../../ui/text-field';
import type { Messages } from './messages';
import styles from './placement.module.css';

type SeatList = z.infer<typeof waveSeatListSchema>;

/** Seats per group before (re-)running: pick a group, set how many seats it offers in the wave. */
export function SeatsEditor({ waveId, m }: { waveId: string; m: Messages }) {
  const client = useQueryClient();
  const seats = useQuery({
    queryKey: ['placement', 'seats', waveId],
    queryFn: () => api.get<SeatList>(`/api/placement/waves/${waveId}/seats`),
  });
  const [groupId, setGroupId] = useState('');
  const [count, setCount] = useState('');
  const save = useMutation({
    mutationFn: () =>
      api.put<null>(`/api/placement/waves/${waveId}/seats`, {
        groupId: Number(groupId),
        seats: Number(count),
      }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['placement'] }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  const items = seats.data?.items ?? [];
  return (
    <Card title={m.seatsTitle} headingLevel={2}>
      <form className={styles.form} onSubmit={submit} aria-label={m.seatsTitle}>
        <Select
          label={m.group}
          required
          value={groupId}
          placeholder="—"
          onChange={(e) => {
            setGroupId(e.target.value);
            const row = items.find((s) => String(s.groupId) === e.target.value);
            setCount(row ? String(row.seats) : '');
            save.reset();
          }}
          options={items.map((s) => ({
            value: String(s.groupId),
            label: `${s.kindergartenName}: ${s.groupName} — ${s.excludedReason ? m.withdrawn : m.seatsCount(s.seats)}`,
          }))}
        />
        <TextField
          label={m.seats}
          type="number"
          inputMode="numeric"
          min={0}
          max={60}
          required
          value={count}
          onChange={(e) => setCount(e.target.value)}
        />
        {seats.isError && <ProblemAlert error={seats.error} />}
        {save.isError && <ProblemAlert error={save.error} />}
        {save.isSuccess && (
          <Alert tone="success" live="status">
            {m.seatsSaved}
          </Alert>
        )}
        <div>
          <Button type="submit" variant="secondary" disabled={save.isPending}>
            {m.save}
          </Button>
        </div>
      </form>
    </Card>
  );
}
