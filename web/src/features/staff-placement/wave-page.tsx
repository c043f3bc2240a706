import type { WaveReview } from '@contracts/kindergarten-placement';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { Table } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import { ageRange } from '../../i18n/age-range';
import { placementApi } from './api';
import { ConfirmDialog } from './confirm-dialog';
import { messages, type Messages } from './messages';
import styles from './placement.module.css';
import { SeatsEditor } from './seats-editor';
import { WaveMap } from './wave-map';

const PAGE = 20;
const CUTOFF_ROWS = 15;

export function WavePage() {
  const { waveId = '' } = useParams();
  const { locale } = useI18n();
  const m = messages[locale];
  const client = useQueryClient();
  const wave = useQuery({
    queryKey: ['placement', 'wave', waveId],
    queryFn: () => placementApi.wave(waveId),
    // Poll while the background job runs.
    refetchInterval: (q) => (q.state.data?.latestRun?.status === 'queued' ? 1000 : false),
  });
  const runStatus = wave.data?.latestRun?.status;
  const hasDraft = runStatus === 'draft' || wave.data?.status === 'confirmed';
  const refresh = () => client.invalidateQueries({ queryKey: ['placement'] });
  const run = useMutation({ mutationFn: () => placementApi.run(waveId), onSuccess: refresh });
  const confirm = useMutation({ mutationFn: () => placementApi.confirm(waveId), onSuccess: refresh });
  const [asking, setAsking] = useState(false);
  // The totals the confirmation dialog names (the review's first row is enough to carry them).
  const totals = useQuery({
    queryKey: ['placement', 'review', waveId, 'totals'],
    enabled: runStatus === 'draft',
    queryFn: () => placementApi.review(waveId, new URLSearchParams({ limit: '1' })),
  });

  if (wave.isPending) return <Spinner label={m.loading} />;
  if (wave.isError) return <ProblemAlert error={wave.error} />;
  const w = wave.data;
  const canManage = w.permittedActions.includes('placement.wave.manage');
  const latest = w.latestRun;
  return (
    <>
      <PageHeader
        eyebrow={<Link to="..">{m.back}</Link>}
        title={w.title}
        lead={`${m.placementDate}: ${w.placementDate} · ${m.seats}: ${w.seatsOffered} · ${m.groups}: ${w.groupsOffered} · ${m.excluded}: ${w.excludedApplications}`}
      />
      <div className={styles.stack}>
        <div className={styles.actions}>
          {w.status === 'confirmed' ? (
            <Badge tone="success">{m.statusConfirmed}</Badge>
          ) : latest ? (
            <Badge tone={latest.status === 'failed' ? 'danger' : 'info'}>{m.runStatus[latest.status]}</Badge>
          ) : null}
          {canManage && (
            <Button
              variant={hasDraft ? 'secondary' : 'primary'}
              onClick={() => run.mutate()}
              disabled={run.isPending || runStatus === 'queued'}
            >
              {hasDraft ? m.rerun : m.run}
            </Button>
          )}
          {canManage && runStatus === 'draft' && (
            <Button onClick={() => setAsking(true)} disabled={confirm.isPending}>
              {m.confirm}
            </Button>
          )}
          <ConfirmDialog
            open={asking}
            title={m.confirmTitle}
            confirmLabel={m.confirm}
            cancelLabel={m.cancel}
            onClose={() => setAsking(false)}
            onConfirm={() => {
              setAsking(false);
              confirm.mutate();
            }}
          >
            {totals.data && (
              <p>
                {m.confirmWill(
                  totals.data.stats.directions,
                  totals.data.stats.keptCurrent,
                  totals.data.stats.unplaced,
                )}
              </p>
            )}
            <p>{m.confirmIrreversible}</p>
          </ConfirmDialog>
          {w.status === 'confirmed' && <a href={`/open-data/placement/`}>{m.publicLink}</a>}
        </div>
        {runStatus === 'queued' && (
          <div role="status" aria-live="polite">
            {m.running}{' '}
            <progress
              className={styles.progress}
              max={1}
              value={latest?.progress ?? 0}
              aria-label={m.running}
            />
          </div>
        )}
        {latest?.error && <Alert tone="danger">{latest.error}</Alert>}
        {run.isError && <ProblemAlert error={run.error} />}
        {confirm.isError && <ProblemAlert error={confirm.error} />}
        {confirm.isSuccess && (
          <Alert tone="success" live="status">
            {m.confirmed(confirm.data.directions)}
          </Alert>
        )}
        {canManage && w.status === 'open' && <SeatsEditor waveId={waveId} m={m} />}
        {hasDraft && (
          <Review
            waveId={waveId}
            canManage={canManage && w.status === 'open'}
            confirmed={w.status === 'confirmed'}
            m={m}
          />
        )}
      </div>
    </>
  );
}

function cutoffText(c: WaveReview['kindergartens'][number]['programs'][number]['cutoff'], m: Messages) {
  if (!c) return m.noCutoff;
  if (c.holdsCurrent) return m.holdsCurrent;
  return `${m.classes[c.queueClass] ?? c.queueClass}, ${m.registered(c.registeredOn)}`;
}

function Review({
  waveId,
  canManage,
  confirmed,
  m,
}: {
  waveId: string;
  canManage: boolean;
  confirmed: boolean;
  m: Messages;
}) {
  const { locale } = useI18n();
  const [outcome, setOutcome] = useState<'all' | 'placed' | 'unplaced'>('all');
  const [kindergartenId, setKindergartenId] = useState('');
  const [search, setSearch] = useState('');
  const [offset, setOffset] = useState(0);
  const [allCutoffs, setAllCutoffs] = useState(false);
  const params = new URLSearchParams({ outcome, limit: String(PAGE), offset: String(offset) });
  if (kindergartenId) params.set('kindergartenId', kindergartenId);
  if (search.trim()) params.set('q', search.trim());
  const review = useQuery({
    queryKey: ['placement', 'review', waveId, params.toString()],
    queryFn: () => placementApi.review(waveId, params),
    placeholderData: (previous) => previous,
  });
  if (review.isPending) return <Spinner label={m.loading} />;
  if (review.isError) return <ProblemAlert error={review.error} />;
  const r = review.data;
  // Most contested groups first: that is where the cut-offs say the most.
  const programs = r.kindergartens
    .flatMap((k) => k.programs.map((p) => ({ ...p, kindergarten: k.name })))
    .filter((p) => !kindergartenId || String(p.kindergartenId) === kindergartenId)
    .sort((a, b) => b.applicants - a.applicants || a.programId.localeCompare(b.programId));
  const kgName = new Map(r.kindergartens.map((k) => [k.kindergartenId, k.name]));
  return (
    <>
      <section aria-labelledby="stats-heading">
        <h2 id="stats-heading">{confirmed ? m.statsConfirmed : m.stats}</h2>
        <dl className={styles.stats}>
          <div>
            <dt>{m.children}</dt>
            <dd>{r.stats.children}</dd>
          </div>
          <div>
            <dt>{m.placed}</dt>
            <dd>{r.stats.placed}</dd>
          </div>
          {r.stats.byChoiceRank.map((b) => (
            <div key={b.rank}>
              <dt>{m.byRank(b.rank)}</dt>
              <dd>{b.count}</dd>
            </div>
          ))}
          <div>
            <dt>{m.unplaced}</dt>
            <dd>{r.stats.unplaced}</dd>
          </div>
          <div>
            <dt>{m.seatsLeft}</dt>
            <dd>{r.stats.seatsLeft}</dd>
          </div>
        </dl>
        <div className={styles.reconcile} data-testid="wave-reconcile">
          <p className={styles.hint}>
            {m.reconcilePlaced(r.stats.placed, r.stats.directions, r.stats.keptCurrent, confirmed)}
          </p>
          {r.stats.unplaced > 0 && r.stats.seatsLeft > 0 && (
            <>
              <p className={styles.hint}>
                {m.reconcileUnplaced(
                  r.stats.unplaced,
                  r.stats.seatsLeft,
                  r.stats.unplacedByReason.ageGroup,
                  r.stats.unplacedByReason.notChosen,
                )}
              </p>
              <p className={styles.hint}>
                {m.seatsLeftByAge}:{' '}
                {r.stats.seatsLeftByAge
                  .map((b) => `${ageRange(locale, b.ageFrom, b.ageTo)} — ${b.seats.toLocaleString(locale)}`)
                  .join('; ')}
              </p>
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="cutoffs-heading">
        <h2 id="cutoffs-heading">{m.cutoffs}</h2>
        <Table
          caption={m.cutoffs}
          captionHidden
          stackOnMobile
          rows={allCutoffs ? programs : programs.slice(0, CUTOFF_ROWS)}
          rowKey={(p) => p.programId}
          columns={[
            { id: 'k', header: m.kindergarten, rowHeader: true, cell: (p) => p.kindergarten },
            { id: 'g', header: m.group, cell: (p) => p.groupName },
            { id: 's', header: m.seats, align: 'end', cell: (p) => p.seats + p.held },
            { id: 'a', header: m.admitted, align: 'end', cell: (p) => p.admitted },
            { id: 'n', header: m.applicants, align: 'end', cell: (p) => p.applicants },
            { id: 'l', header: m.seatsLeft, align: 'end', cell: (p) => p.seatsLeft },
            { id: 'c', header: m.cutoff, cell: (p) => cutoffText(p.cutoff, m) },
          ]}
        />
        {programs.length > CUTOFF_ROWS && (
          <Button variant="outline" size="small" onClick={() => setAllCutoffs(!allCutoffs)}>
            {allCutoffs ? m.fewerGroups : m.allGroups(programs.length)}
          </Button>
        )}
      </section>
      <section aria-labelledby="map-heading">
        <h2 id="map-heading">{m.map}</h2>
        <WaveMap kindergartens={r.kindergartens} label={m.mapLabel} m={m} />
      </section>
      <section aria-labelledby="children-heading">
        <h2 id="children-heading">{m.childrenTable}</h2>
        <div className={styles.row}>
          <Select
            label={m.filter}
            value={outcome}
            onChange={(e) => {
              setOutcome(e.target.value as typeof outcome);
              setOffset(0);
            }}
            options={[
              { value: 'all', label: m.all },
              { value: 'placed', label: m.onlyPlaced },
              { value: 'unplaced', label: m.onlyUnplaced },
            ]}
          />
          <Select
            label={m.kindergarten}
            value={kindergartenId}
            placeholder="—"
            onChange={(e) => {
              setKindergartenId(e.target.value);
              setOffset(0);
            }}
            options={r.kindergartens.map((k) => ({ value: String(k.kindergartenId), label: k.name }))}
          />
          <TextField
            label={m.search}
            value={search}
            onChange={(e) => {
              setSearch(e.target.value);
              setOffset(0);
            }}
          />
        </div>
        <Table
          caption={m.childrenTable}
          captionHidden
          stackOnMobile
          rows={r.children}
          rowKey={(c) => c.applicationId}
          columns={[
            { id: 'n', header: m.number, rowHeader: true, cell: (c) => c.number },
            { id: 'c', header: m.child, cell: (c) => c.childName },
            { id: 'a', header: m.age, align: 'end', cell: (c) => c.ageGroup },
            { id: 'q', header: m.queueClass, cell: (c) => m.classes[c.queueClass] ?? c.queueClass },
            {
              id: 'r',
              header: m.result,
              cell: (c) =>
                c.assignedKindergartenId === null
                  ? m.notPlaced
                  : `${kgName.get(c.assignedKindergartenId) ?? ''} (${c.keptCurrent ? m.keptCurrent : m.rank(c.choiceRank ?? 0)})`,
            },
            {
              id: 'e',
              header: m.explanation,
              cell: (c) => <span className={styles.explanation}>{c.explanation[locale]}</span>,
            },
          ]}
        />
        <div className={styles.actions}>
          <Button
            variant="outline"
            size="small"
            disabled={offset === 0}
            onClick={() => setOffset(Math.max(0, offset - PAGE))}
          >
            {m.prev}
          </Button>
          <span>{m.shown(r.total === 0 ? 0 : offset + 1, Math.min(offset + PAGE, r.total), r.total)}</span>
          <Button
            variant="outline"
            size="small"
            disabled={offset + PAGE >= r.total}
            onClick={() => setOffset(offset + PAGE)}
          >
            {m.next}
          </Button>
        </div>
      </section>
      {canManage && <Exclusions waveId={waveId} review={r} m={m} />}
    </>
  );
}

function Exclusions({ waveId, review, m }: { waveId: string; review: WaveReview; m: Messages }) {
  const client = useQueryClient();
  const [applicationId, setApplicationId] = useState('');
  const [childReason, setChildReason] = useState('');
  const [groupId, setGroupId] = useState('');
  const [seatReason, setSeatReason] = useState('');
  const done = () => client.invalidateQueries({ queryKey: ['placement', 'wave', waveId] });
  const child = useMutation({
    mutationFn: () => placementApi.excludeApplication(waveId, applicationId, childReason),
    onSuccess: () => {
      setChildReason('');
      return done();
    },
  });
  const seat = useMutation({
    mutationFn: () => placementApi.excludeSeat(waveId, Number(groupId), seatReason),
    onSuccess: () => {
      setSeatReason('');
      return done();
    },
  });
  const submit = (mutate: () => void) => (e: FormEvent) => {
    e.preventDefault();
    mutate();
  };
  return (
    <Card title={m.exclude} headingLevel={2}>
      <p className={styles.hint}>{m.excludedHint}</p>
      <div className={styles.stack}>
        <form className={styles.form} onSubmit={submit(() => child.mutate())} aria-label={m.excludeChild}>
          <Select
            label={m.excludeChild}
            required
            value={applicationId}
            placeholder="—"
            onChange={(e) => setApplicationId(e.target.value)}
            options={review.children.map((c) => ({
              value: c.applicationId,
              label: `${c.number} ${c.childName}`,
            }))}
          />
          <TextField
            label={m.reason}
            required
            minLength={3}
            value={childReason}
            onChange={(e) => setChildReason(e.target.value)}
          />
          {child.isError && <ProblemAlert error={child.error} />}
          <div>
            <Button type="submit" variant="danger" disabled={child.isPending}>
              {m.exclude}
            </Button>
          </div>
        </form>
        <form className={styles.form} onSubmit={submit(() => seat.mutate())} aria-label={m.excludeSeat}>
          <Select
            label={m.excludeSeat}
            required
            value={groupId}
            placeholder="—"
            onChange={(e) => setGroupId(e.target.value)}
            options={review.kindergartens.flatMap((k) =>
              k.programs.map((p) => ({ value: String(p.groupId), label: `${k.name}: ${p.groupName}` })),
            )}
          />
          <TextField
            label={m.reason}
            required
            minLength={3}
            value={seatReason}
            onChange={(e) => setSeatReason(e.target.value)}
          />
          {seat.isError && <ProblemAlert error={seat.error} />}
          <div>
            <Button type="submit" variant="danger" disabled={seat.isPending}>
              {m.exclude}
            </Button>
          </div>
        </form>
      </div>
    </Card>
  );
}
