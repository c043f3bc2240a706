import type { Organisation, OrganisationCardInput } from '@contracts/platform-organisations';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { api } from '../../api/api-client';
import { isApiError } from '../../api/api-error';
import type { Role } from '../../api/contracts';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { Table } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import { useSession } from '../auth/session';
import { messages } from './messages';
import styles from './staff-organisation.module.css';
import { checkInn, checkKpp, checkOgrn, type TaxIdProblem } from '@contracts/tax-ids';

/** Roles held over one organisation; a head (of a school or a kindergarten) may edit its card. */
const ORGANISATION_ROLES: readonly Role[] = [
  'organisation_head',
  'organisation_staff',
  'meals_officer',
  'cook',
  'club_teacher',
  'kindergarten_head',
];
const EDITORS: readonly Role[] = ['organisation_head', 'kindergarten_head'];

const organisationKey = (id: number) => ['organisations', id] as const;
const orNull = (s: string) => (s.trim() === '' ? null : s.trim());

/** Моя организация (/staff/organisation): the card of the organisation the caller works at. */
export function Component() {
  const { locale } = useI18n();
  const m = messages[locale];
  const { user } = useSession();
  const grants = (user?.grants ?? []).filter(
    (g) => ORGANISATION_ROLES.includes(g.role) && g.organisationId !== null,
  );
  const ids = [...new Set(grants.map((g) => g.organisationId!))];
  const [chosen, setChosen] = useState<number | null>(null);
  const id = chosen ?? ids[0] ?? null;
  const card = useQuery({
    queryKey: organisationKey(id ?? 0),
    queryFn: ({ signal }) => api.get<Organisation>(`/api/organisations/${id}`, signal),
    enabled: id !== null,
  });
  if (id === null)
    return (
      <>
        <PageHeader title={m.title} />
        <EmptyState title={m.none} />
      </>
    );
  const editable = grants.some((g) => g.organisationId === id && EDITORS.includes(g.role));
  return (
    <>
      <PageHeader title={card.data?.shortName ?? m.title} lead={m.lead} />
      {ids.length > 1 && (
        <Select
          label={m.choose}
          value={String(id)}
          options={ids.map((o) => ({ value: String(o), label: String(o) }))}
          onChange={(e) => setChosen(Number(e.target.value))}
        />
      )}
      {card.isPending && <Spinner label={m.title} />}
      {card.error && <ProblemAlert error={card.error} title={m.loadFailed} />}
      {card.data && <CardForm key={card.data.id} o={card.data} editable={editable} />}
      {card.data && <VkCommunities o={card.data} />}
    </>
  );
}

function CardForm({ o, editable }: { o: Organisation; editable: boolean }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const queryClient = useQueryClient();
  const [f, setF] = useState({
    shortName: o.shortName,
    fullName: o.fullName,
    inn: o.inn ?? '',
    kpp: o.kpp ?? '',
    ogrn: o.ogrn ?? '',
    address: o.address ?? '',
    phone: o.phone ?? '',
    email: o.email ?? '',
    website: o.website ?? '',
    headName: o.headName ?? '',
  });
  const save = useMutation({
    mutationFn: (body: OrganisationCardInput) =>
      api.patch<Organisation & { changed: string[] }>(`/api/staff/organisations/${o.id}`, body),
    onSuccess: (data) => queryClient.setQueryData(organisationKey(o.id), data),
  });
  const [local, setLocal] = useState<Partial<Record<'inn' | 'kpp' | 'ogrn', string>>>({});
  const errors: Record<string, string | undefined> = {
    ...(isApiError(save.error) ? save.error.fieldErrors() : {}),
    ...local,
  };
  const set = (patch: Partial<typeof f>) => setF((prev) => ({ ...prev, ...patch }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    // The control digits are checked here too, to say what is wrong in the reader's language.
    const problems: typeof local = {};
    const say = (p: TaxIdProblem | null, format: string) =>
      p === 'format' ? format : p === 'check-digit' ? m.checkDigit : undefined;
    if (f.inn.trim()) problems.inn = say(checkInn(f.inn.trim()), m.innFormat);
    if (f.kpp.trim()) problems.kpp = say(checkKpp(f.kpp.trim()), m.kppFormat);
    if (f.ogrn.trim()) problems.ogrn = say(checkOgrn(f.ogrn.trim()), m.ogrnFormat);
    const found = Object.fromEntries(Object.entries(problems).filter(([, v]) => v));
    setLocal(found);
    if (Object.keys(found).length > 0) return;
    save.mutate({
      shortName: f.shortName,
      fullName: f.fullName,
      inn: orNull(f.inn),
      kpp: orNull(f.kpp),
      ogrn: orNull(f.ogrn),
      address: orNull(f.address),
      phone: orNull(f.phone),
      email: orNull(f.email),
      website: orNull(f.website),
      headName: orNull(f.headName),
    });
  };
  const field = (
    key: keyof typeof f,
    extra: { type?: string; hint?: string; inputMode?: 'numeric' } = {},
  ) => (
    <TextField
      label={m[key]}
      value={f[key]}
      onChange={(e) => set({ [key]: e.target.value })}
      error={errors[key]}
      readOnly={!editable}
      {...extra}
    />
  );
  return (
    <Card title={m.card}>
      {!editable && <p>{m.readOnly}</p>}
      <form className={styles.form} onSubmit={submit} noValidate>
        {field('shortName')}
        {field('fullName')}
        {field('inn', { hint: m.innHint, inputMode: 'numeric' })}
        {field('kpp')}
        {field('ogrn', { inputMode: 'numeric' })}
        {field('address')}
        {field('phone', { type: 'tel' })}
        {field('email', { type: 'email' })}
        {field('website', { type: 'url' })}
        {field('headName')}
        {editable && (
          <div>
            <Button type="submit" disabled={save.isPending}>
              {m.save}
            </Button>{' '}
            {save.isSuccess && (
              <span role="status">{save.data.changed.length > 0 ? m.saved : m.noChanges}</span>
            )}
          </div>
        )}
        {save.error && (
          <ProblemAlert error={save.error} fieldLabels={m as unknown as Record<string, string>} />
        )}
      </form>
    </Card>
  );
}

function VkCommunities({ o }: { o: Organisation }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const link = (c: Organisation['vkCommunities'][number]) => c.screenName ?? `club${c.groupId}`;
  return (
    <Card title={m.vk}>
      <Table
        caption={m.vk}
        captionHidden
        rows={o.vkCommunities}
        rowKey={(c) => c.groupId}
        empty={m.vkEmpty}
        stackOnMobile
        columns={[
          {
            id: 'group',
            header: m.vkGroup,
            rowHeader: true,
            cell: (c) => (
              <a href={`https://vk.com/${link(c)}`} rel="noreferrer" target="_blank">
                vk.com/{link(c)}
              </a>
            ),
          },
          { id: 'app', header: m.vkApp, cell: (c) => (c.clubsAppInstalled ? m.vkInstalled : m.vkMissing) },
        ]}
      />
    </Card>
  );
}
