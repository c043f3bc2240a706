import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import type { ApplicationDetail } from '@contracts/kindergarten-queue';
import type { KindergartenList } from '@contracts/kindergarten-catalog';
import { api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { TextField } from '../../ui/text-field';
import { messages } from './messages';
import styles from './staff.module.css';

const FIELDS = [
  'lastName',
  'firstName',
  'birthDate',
  'birthCertificate',
  'fullName',
  'phone',
  'address',
  'desiredDate',
  'receivedAt',
] as const;
type Field = (typeof FIELDS)[number];

/** Operator mode: an officer registers a paper application; the registration moment is when the paper arrived. */
export function PaperApplication({ municipalityId }: { municipalityId: string }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const navigate = useNavigate();
  const [open, setOpen] = useState(false);
  const [v, setV] = useState<Record<Field, string>>(
    Object.fromEntries(FIELDS.map((f) => [f, ''])) as Record<Field, string>,
  );
  const [kgs, setKgs] = useState<[string, string]>(['', '']);
  const kindergartens = useQuery({
    queryKey: ['paper', 'kindergartens', municipalityId],
    enabled: open && !!municipalityId,
    queryFn: ({ signal }) =>
      api.get<KindergartenList>(
        `/api/kindergartens?municipalityId=${municipalityId}&pageSize=100&status=operating`,
        signal,
      ),
  });
  const submit = useMutation({
    mutationFn: () =>
      api.post<ApplicationDetail>(`/api/kindergarten/municipalities/${municipalityId}/applications`, {
        child: {
          lastName: v.lastName,
          firstName: v.firstName,
          birthDate: v.birthDate,
          birthCertificate: v.birthCertificate,
        },
        applicant: { fullName: v.fullName, ...(v.phone ? { phone: v.phone } : {}) },
        address: v.address,
        desiredDate: v.desiredDate,
        kindergartenIds: kgs.filter(Boolean).map(Number),
        ...(v.receivedAt ? { receivedAt: new Date(v.receivedAt).toISOString() } : {}),
      }),
    onSuccess: (app) => void navigate(`/staff/applications/${app.id}`),
  });
  const labels: Record<Field, string> = {
    lastName: m.paperLastName,
    firstName: m.paperFirstName,
    birthDate: m.birthDate,
    birthCertificate: m.paperCertificate,
    fullName: m.paperApplicant,
    phone: m.paperPhone,
    address: m.paperAddress,
    desiredDate: m.paperDesiredDate,
    receivedAt: m.paperReceivedAt,
  };
  const type = (f: Field) =>
    f === 'birthDate' || f === 'desiredDate'
      ? 'date'
      : f === 'receivedAt'
        ? 'datetime-local'
        : f === 'phone'
          ? 'tel'
          : 'text';
  const options = (kindergartens.data?.items ?? []).map((k) => ({ value: String(k.id), label: k.nameRu }));
  return (
    <Card title={m.paperTitle} headingLevel={2}>
      {!open ? (
        <Button variant="outline" onClick={() => setOpen(true)}>
          {m.paperOpen}
        </Button>
      ) : (
        <form
          className={styles.stack}
          onSubmit={(e) => {
            e.preventDefault();
            submit.mutate();
          }}
        >
          <div className={styles.row}>
            {FIELDS.map((f) => (
              <TextField
                key={f}
                label={labels[f]}
                type={type(f)}
                required={f !== 'phone' && f !== 'receivedAt'}
                value={v[f]}
                onChange={(e) => setV((old) => ({ ...old, [f]: e.target.value }))}
                autoComplete="off"
              />
            ))}
            <Select
              label={m.paperKindergarten1}
              required
              placeholder="—"
              value={kgs[0]}
              onChange={(e) => setKgs([e.target.value, kgs[1]])}
              options={options}
            />
            <Select
              label={m.paperKindergarten2}
              placeholder="—"
              value={kgs[1]}
              onChange={(e) => setKgs([kgs[0], e.target.value])}
              options={options}
            />
          </div>
          {submit.isError && <ProblemAlert error={submit.error} />}
          <div className={styles.row}>
            <Button type="submit" disabled={submit.isPending}>
              {m.paperSubmit}
            </Button>
            <Button type="button" variant="ghost" onClick={() => setOpen(false)}>
              {m.paperCancel}
            </Button>
          </div>
        </form>
      )}
    </Card>
  );
}
