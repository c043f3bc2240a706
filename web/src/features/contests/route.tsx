import { useState, type FormEvent } from 'react';
import { Link, Route, Routes, useParams } from 'react-router';
import { RUSSIAN_SUBJECTS } from '@contracts/russian-subjects';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button, LinkButton } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { useSession } from '../auth/session';
import {
  checkReceipt,
  useContest,
  useContests,
  usePractice,
  useResults,
  useVote,
  type PublicContest,
  type ReceiptCheck,
  type VoteReceipt,
} from './api';
import styles from './contests.module.css';

const SUBJECT_NAMES = new Map(RUSSIAN_SUBJECTS.map((s) => [s.code, s.nameRu]));
const regionName = (code: string) => SUBJECT_NAMES.get(code) ?? code;

const STATE_KEYS = {
  draft: 'contests.state.draft',
  submissions: 'contests.state.submissions',
  review: 'contests.state.review',
  voting: 'contests.state.voting',
  closed: 'contests.state.closed',
  published: 'contests.state.published',
} as const;

function ContestList() {
  const { t, formatDate } = useI18n();
  const list = useContests();
  return (
    <>
      <PageHeader title={t('contests.title')} lead={t('contests.lead')} />
      {list.isPending && <Spinner label={t('common.loading')} />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data?.length === 0 && <EmptyState title={t('contests.empty')} />}
      <ul className={styles.list}>
        {list.data?.map((c) => (
          <Card as="li" key={c.id} title={<Link to={`/contests/${c.id}`}>{c.title}</Link>} headingLevel={2}>
            <p>
              <Badge tone={c.state === 'voting' ? 'info' : 'neutral'}>{t(STATE_KEYS[c.state])}</Badge>{' '}
              <span className={styles.meta}>
                {t('contests.votingWindow', {
                  from: formatDate(c.voting_opens, { dateStyle: 'long' }),
                  to: formatDate(c.voting_closes, { dateStyle: 'long' }),
                })}
              </span>
            </p>
            <p className={styles.meta}>{t('contests.nominationCount', { count: c.nominations.length })}</p>
          </Card>
        ))}
      </ul>
    </>
  );
}

function NominationBallot({ contest, nominationId }: { contest: PublicContest; nominationId: string }) {
  const { t } = useI18n();
  const { user } = useSession();
  const vote = useVote(contest.id);
  const [choice, setChoice] = useState('');
  const [receipt, setReceipt] = useState<VoteReceipt | null>(null);
  const options = contest.ballot.filter((b) => b.nominationId === nominationId);
  const nomination = contest.nominations.find((n) => n.id === nominationId)!;
  const canVote = contest.state === 'voting' && !!user?.grants.some((g) => g.role === 'citizen');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!choice) return;
    vote.mutate({ nominationId, practiceId: choice }, { onSuccess: setReceipt });
  };
  return (
    <section className={styles.nomination} aria-labelledby={`nom-${nominationId}`}>
      <h2 id={`nom-${nominationId}`}>{nomination.title}</h2>
      {nomination.topicCount !== null && nomination.topicShare !== null && (
        <p className={styles.meta}>
          {t('contests.topicFigure', {
            count: nomination.topicCount.toLocaleString('ru-RU'),
            share: (nomination.topicShare * 100).toLocaleString('ru-RU', { maximumFractionDigits: 1 }),
          })}
        </p>
      )}
      {receipt ? (
        <Alert tone="success" title={t('contests.voted')} live="status">
          <p>{t('contests.receiptLead')}</p>
          <p className={styles.receipt} data-testid="receipt">
            {receipt.receipt}
          </p>
          <p>
            <Link to={`/contests/${contest.id}/receipt?code=${receipt.receipt}`}>
              {t('contests.checkReceipt')}
            </Link>
          </p>
        </Alert>
      ) : (
        <form onSubmit={submit}>
          <fieldset className={styles.options}>
            <legend className={styles.meta}>{t('contests.choose')}</legend>
            {options.map((o) => (
              <label key={o.practiceId} className={styles.option}>
                {canVote && (
                  <input
                    type="radio"
                    name={`vote-${nominationId}`}
                    value={o.practiceId}
                    checked={choice === o.practiceId}
                    onChange={() => setChoice(o.practiceId)}
                  />
                )}
                <span>
                  <Link to={`/contests/${contest.id}/practices/${o.practiceId}`}>{o.title}</Link>{' '}
                  <span className={styles.meta}>
                    {t('contests.region', { name: regionName(o.regionCode) })}
                  </span>
                </span>
              </label>
            ))}
          </fieldset>
          {canVote && (
            <Button type="submit" disabled={!choice || vote.isPending}>
              {t('contests.vote')}
            </Button>
          )}
          {vote.isError && <ProblemAlert error={vote.error} />}
        </form>
      )}
    </section>
  );
}

function Results({ contest }: { contest: PublicContest }) {
  const { t } = useI18n();
  const closed = contest.state === 'closed' || contest.state === 'published';
  const results = useResults(contest.id, closed);
  if (!closed) return <Alert tone="info">{t('contests.resultsHidden')}</Alert>;
  if (results.isPending) return <Spinner label={t('common.loading')} />;
  if (results.isError) return <ProblemAlert error={results.error} />;
  const title = new Map(contest.ballot.map((b) => [b.practiceId, b.title]));
  const regions = new Map<string, number>();
  for (const r of results.data.by_region)
    regions.set(r.voter_region, (regions.get(r.voter_region) ?? 0) + r.votes);
  const topRegions = [...regions].sort((a, b) => b[1] - a[1]).slice(0, 10);
  return (
    <section aria-labelledby="results">
      <h2 id="results">{t('contests.results')}</h2>
      {contest.nominations.map((n) => (
        <table key={n.id} className={styles.results}>
          <caption>{n.title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('contests.practice')}</th>
              <th scope="col">{t('contests.votes')}</th>
            </tr>
          </thead>
          <tbody>
            {results.data.totals
              .filter((r) => r.nomination === n.id)
              .sort((a, b) => b.votes - a.votes)
              .map((r) => (
                <tr key={r.practice}>
                  <td>{title.get(r.practice) ?? r.practice}</td>
                  <td>{r.votes.toLocaleString('ru-RU')}</td>
                </tr>
              ))}
          </tbody>
        </table>
      ))}
      <table className={styles.results} data-testid="regions">
        <caption>{t('contests.byRegion')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('contests.voterRegion')}</th>
            <th scope="col">{t('contests.votes')}</th>
          </tr>
        </thead>
        <tbody>
          {topRegions.map(([code, votes]) => (
            <tr key={code}>
              <td>{regionName(code)}</td>
              <td>{votes.toLocaleString('ru-RU')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p>
        <a href={`/open-data/contests/${contest.id}/votes.jsonl`}>votes.jsonl</a> ·{' '}
        <a href={`/open-data/contests/${contest.id}/results.json`}>results.json</a> ·{' '}
        <a href={`/open-data/contests/${contest.id}/checkpoints.json`}>checkpoints.json</a>
      </p>
    </section>
  );
}

function ContestPage() {
  const { t } = useI18n();
  const { contestId = '' } = useParams();
  const contest = useContest(contestId);
  const { user } = useSession();
  if (contest.isPending) return <Spinner label={t('common.loading')} />;
  if (contest.isError) return <ProblemAlert error={contest.error} />;
  const c = contest.data;
  return (
    <>
      <PageHeader
        title={c.title}
        eyebrow={t(STATE_KEYS[c.state])}
        lead={c.rules}
        actions={
          <LinkButton to={`/contests/${c.id}/receipt`} variant="outline">
            {t('contests.checkReceipt')}
          </LinkButton>
        }
      />
      {c.state === 'voting' && !user && (
        <Alert tone="info">
          <Link to={`/login?returnTo=${encodeURIComponent(`/contests/${c.id}`)}`}>
            {t('contests.signInToVote')}
          </Link>
        </Alert>
      )}
      {c.ballot.length > 0 &&
        c.nominations.map((n) => <NominationBallot key={n.id} contest={c} nominationId={n.id} />)}
      {c.ballot.length === 0 && (
        <ul className={styles.list}>
          {c.nominations.map((n) => (
            <li key={n.id}>{n.title}</li>
          ))}
        </ul>
      )}
      <Results contest={c} />
    </>
  );
}

function PracticePage() {
  const { t, formatDate } = useI18n();
  const { contestId = '', practiceId = '' } = useParams();
  const practice = usePractice(contestId, practiceId);
  if (practice.isPending) return <Spinner label={t('common.loading')} />;
  if (practice.isError) return <ProblemAlert error={practice.error} />;
  const p = practice.data;
  return (
    <>
      <PageHeader title={p.title} eyebrow={t('contests.region', { name: regionName(p.regionCode) })} />
      <Card title={t('contests.problem')}>{p.problem}</Card>
      <Card title={t('contests.solution')}>{p.solution}</Card>
      <Card title={t('contests.resultsOfPractice')}>
        <p>{p.results}</p>
        <ul>
          {p.resultFigures.map((f) => (
            <li key={f.indicator}>
              {f.indicator}: {f.before ?? '—'} → {f.after} {f.unit}
            </li>
          ))}
        </ul>
        {p.periodFrom && (
          <p className={styles.meta}>
            {t('contests.period', {
              from: formatDate(p.periodFrom, { dateStyle: 'long' }),
              to: p.periodTo ? formatDate(p.periodTo, { dateStyle: 'long' }) : '…',
            })}
          </p>
        )}
      </Card>
      {p.worksAt.length > 0 && (
        <Card title={t('contests.worksAt')}>
          <ul>
            {p.worksAt.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </Card>
      )}
      <p>
        <Link to={`/contests/${contestId}`}>{t('contests.back')}</Link>
      </p>
    </>
  );
}

function ReceiptPage() {
  const { t } = useI18n();
  const { contestId = '' } = useParams();
  const [code, setCode] = useState(() => new URLSearchParams(window.location.search).get('code') ?? '');
  const [outcome, setOutcome] = useState<ReceiptCheck | 'missing' | 'malformed' | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const value = code.trim().toLowerCase();
    if (!/^[0-9a-f]{64}$/.test(value)) return setOutcome('malformed');
    try {
      setOutcome(await checkReceipt(contestId, value));
    } catch (err) {
      if (isApiError(err) && err.status === 404) setOutcome('missing');
      else throw err;
    }
  };
  return (
    <>
      <PageHeader title={t('contests.receiptTitle')} lead={t('contests.receiptPageLead')} />
      <form onSubmit={(e) => void submit(e)}>
        <TextField
          label={t('contests.receiptCode')}
          value={code}
          onChange={(e) => setCode(e.target.value)}
          error={outcome === 'malformed' ? t('contests.receiptMalformed') : undefined}
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit">{t('contests.check')}</Button>
      </form>
      {outcome === 'missing' && <Alert tone="danger">{t('contests.receiptMissing')}</Alert>}
      {outcome && typeof outcome === 'object' && (
        <Alert tone="success" title={t('contests.receiptFound', { seq: outcome.seq })} live="status">
          <p>{outcome.checkpointed ? t('contests.receiptCheckpointed') : t('contests.receiptPending')}</p>
          {outcome.annulled && <p>{t('contests.receiptAnnulled')}</p>}
        </Alert>
      )}
      <p>
        <Link to={`/contests/${contestId}`}>{t('contests.back')}</Link>
      </p>
    </>
  );
}

export function Component() {
  return (
    <Routes>
      <Route index element={<ContestList />} />
      <Route path=":contestId" element={<ContestPage />} />
      <Route path=":contestId/practices/:practiceId" element={<PracticePage />} />
      <Route path=":contestId/receipt" element={<ReceiptPage />} />
    </Routes>
  );
}
