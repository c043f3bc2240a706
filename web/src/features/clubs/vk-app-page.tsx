import { useEffect, useRef, useState } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import { useLocation, useNavigate } from 'react-router';
import type { ClubGroup, Enrolment, Programme, ProgrammeList } from '@contracts/clubs';
import type { FamilyResponse } from '@contracts/platform-families';
import { apiRequest, rememberCsrfToken } from '../../api/api-client';
import { isApiError } from '../../api/api-error';
import type { SessionResponse } from '../../api/contracts';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button, LinkButton } from '../../ui/button';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import styles from './clubs.module.css';
import { messages } from './messages';
import { vkMessages } from './vk-messages';

interface VkSession {
  token: string;
  organisationId: number | null;
  linked: boolean;
  sign: string;
}
const KEY = 'clubs.vk-session';
const load = (): VkSession | null => {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) ?? 'null') as VkSession | null;
  } catch {
    return null;
  }
};
const save = (s: VkSession) => sessionStorage.setItem(KEY, JSON.stringify(s));

/** Calls of the mini app: its session travels as a bearer token (the VK frame has no cookie of ours). */
const bearer = <T,>(token: string, path: string, body?: unknown) =>
  apiRequest<T>(path, {
    method: body === undefined ? 'GET' : 'POST',
    body,
    headers: { Authorization: `Bearer ${token}` },
  });

async function rememberCsrf() {
  const s = await apiRequest<SessionResponse>('/api/auth/session');
  rememberCsrfToken(s.csrfToken);
}

/**
 * The VK Mini App «Запись в кружок». Opened with VK's launch parameters: the server verifies them
 * and gives a session; the first time the parent links VK to Госуслуги (the platform's sign-in) and
 * comes back here; then the community's open groups come first: group, child, confirm.
 */
export function VkAppPage() {
  const { locale } = useI18n();
  const m = vkMessages[locale];
  const location = useLocation();
  const navigate = useNavigate();
  const [session, setSession] = useState<VkSession | null>(load);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(true);
  const started = useRef(false);

  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const query = location.search.replace(/^\?/, '');
    const sign = new URLSearchParams(query).get('sign');
    void (async () => {
      try {
        await rememberCsrf();
        const stored = load();
        if (sign && stored?.sign !== sign) {
          const r = await apiRequest<{ token: string; organisationId: number | null; linked: boolean }>(
            '/api/vk/launch',
            { method: 'POST', body: { params: query } },
          );
          const next = { token: r.token, organisationId: r.organisationId, linked: r.linked, sign };
          save(next);
          setSession(next);
        } else if (new URLSearchParams(query).get('link') === '1' && stored && !stored.linked) {
          const r = await apiRequest<{ token: string }>('/api/vk/link', {
            method: 'POST',
            body: { token: stored.token },
          });
          const next = { ...stored, token: r.token, linked: true };
          save(next);
          setSession(next);
          void navigate('/vk-app', { replace: true });
        }
      } catch (e) {
        setError(e);
      } finally {
        setBusy(false);
      }
    })();
  }, [location.search, navigate]);

  if (busy) return <Spinner label={m.launching} />;
  if (error) {
    const reason = isApiError(error) ? (error.problem as { reason?: string }).reason : undefined;
    return reason && m.refused[reason] ? (
      <Alert tone="danger" title={m.failed}>
        {m.refused[reason]}
      </Alert>
    ) : (
      <ProblemAlert error={error} title={m.failed} />
    );
  }
  if (!session) return <Alert tone="warning">{m.refused.signature}</Alert>;
  if (!session.linked)
    return (
      <div className={styles.page}>
        <PageHeader title={m.appTitle} lead={m.linkLead} />
        <LinkButton
          variant="primary"
          to={`/login?${new URLSearchParams({ returnTo: '/vk-app?link=1' }).toString()}`}
        >
          {m.linkButton}
        </LinkButton>
      </div>
    );
  return <VkGroups session={session} />;
}

function VkGroups({ session }: { session: VkSession }) {
  const { locale } = useI18n();
  const m = vkMessages[locale];
  const c = messages[locale];
  const [picked, setPicked] = useState<{ group: ClubGroup; programme: Programme } | null>(null);
  const [childId, setChildId] = useState<string | null>(null);
  const [done, setDone] = useState<Enrolment | null>(null);
  const [failure, setFailure] = useState<unknown>(null);
  const [sending, setSending] = useState(false);
  const org = session.organisationId;
  const list = useQuery({
    queryKey: ['clubs', 'vk', 'list', org],
    queryFn: ({ signal }) =>
      apiRequest<ProgrammeList>(
        `/api/clubs/programmes?open=true&pageSize=6${org ? `&firstOrganisationId=${org}` : ''}`,
        { signal },
      ),
  });
  const details = useQueries({
    queries: (list.data?.items ?? []).map((p) => ({
      queryKey: ['clubs', 'programme', p.id],
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        apiRequest<Programme>(`/api/clubs/programmes/${p.id}`, { signal }),
    })),
  });
  const family = useQuery({
    queryKey: ['clubs', 'vk', 'family', session.token],
    queryFn: () => bearer<FamilyResponse>(session.token, '/api/my/family'),
  });
  if (list.error) return <ProblemAlert error={list.error} title={m.failed} />;
  if (!list.data || details.some((d) => !d.data)) return <Spinner label={m.appTitle} />;
  const programmes = details.map((d) => d.data!);
  const entries = programmes.flatMap((p) =>
    p.groups.filter((g) => g.notJoinable.every((r) => r === 'full')).map((g) => ({ group: g, programme: p })),
  );
  const own = entries.filter((e) => e.programme.organisation.id === org);
  const others = entries.filter((e) => e.programme.organisation.id !== org);
  const confirm = async () => {
    if (!picked || !childId) return;
    setSending(true);
    setFailure(null);
    try {
      setDone(
        await bearer<Enrolment>(session.token, '/api/my/clubs/enrolments', {
          childId,
          groupId: picked.group.id,
          channel: 'vk',
        }),
      );
    } catch (e) {
      setFailure(e);
    } finally {
      setSending(false);
    }
  };
  const groupButton = (e: (typeof entries)[number]) => (
    <li key={e.group.id}>
      <Button
        className={styles.choice}
        variant={picked?.group.id === e.group.id ? 'primary' : 'outline'}
        aria-pressed={picked?.group.id === e.group.id}
        onClick={() => {
          setPicked(e);
          setDone(null);
        }}
      >
        {`${e.programme.title} — ${e.group.name} (${c.ages(e.programme.ageMin, e.programme.ageMax)}) · ${e.programme.organisation.shortName}`}
      </Button>
    </li>
  );
  return (
    <div className={styles.page}>
      <PageHeader title={m.appTitle} />
      {done && (
        <Alert tone="success" live="status" title={c.enrolled(done.number)}>
          {done.waitlistPlace !== null
            ? c.waitlistPlace(done.waitlistPlace)
            : done.reviewDue
              ? c.reviewDue(done.reviewDue)
              : null}
        </Alert>
      )}
      {entries.length === 0 && <p>{m.noGroups}</p>}
      {own.length > 0 && (
        <section>
          <h2>{m.groupsOf(own[0]!.programme.organisation.shortName)}</h2>
          <ul className={styles.choices}>{own.map(groupButton)}</ul>
        </section>
      )}
      {others.length > 0 && (
        <section>
          <h2>{m.otherGroups}</h2>
          <ul className={styles.choices}>{others.map(groupButton)}</ul>
        </section>
      )}
      {picked && !done && (
        <fieldset>
          <legend>{c.chooseChild}</legend>
          {family.error && <ProblemAlert error={family.error} title={m.failed} />}
          <ul className={styles.choices}>
            {(family.data?.children ?? []).map((k) => (
              <li key={k.id}>
                <Button
                  className={styles.choice}
                  variant={childId === k.id ? 'primary' : 'outline'}
                  aria-pressed={childId === k.id}
                  onClick={() => setChildId(k.id)}
                >
                  {`${k.firstName} ${k.lastName}, ${k.birthDate}`}
                </Button>
              </li>
            ))}
          </ul>
          {failure !== null && <ProblemAlert error={failure} title={m.failed} />}
          <Button variant="primary" disabled={!childId} loading={sending} onClick={() => void confirm()}>
            {c.confirm}
          </Button>
        </fieldset>
      )}
    </div>
  );
}
