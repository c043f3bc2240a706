import { useId, useState, type FormEvent } from 'react';
import { RATING_CRITERIA, type MyRatable, type RatingCriterion } from '@contracts/life-situations';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import fieldStyles from '../../ui/field.module.css';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { Table } from '../../ui/table';
import { useSession } from '../auth/session';
import { useLatestRatings, useMyRatable, useRate, useRatingSummary } from './api';
import { useKindName } from './kind-name';
import styles from './life.module.css';
import { useMessages } from './use-messages';

type Ratable = MyRatable['items'][number];
type By = 'service' | 'organisation' | 'municipality';

function RatingForm({ item, onDone }: { item: Ratable; onDone: () => void }) {
  const m = useMessages();
  const rate = useRate(item.requestId);
  const id = useId();
  const [scores, setScores] = useState<Partial<Record<RatingCriterion, number>>>({});
  const [comment, setComment] = useState('');
  const [tried, setTried] = useState(false);
  function submit(e: FormEvent) {
    e.preventDefault();
    setTried(true);
    if (RATING_CRITERIA.some((c) => !scores[c])) return;
    rate.mutate(
      {
        ...(scores as Record<RatingCriterion, number>),
        ...(comment.trim() ? { comment: comment.trim() } : {}),
      },
      { onSuccess: onDone },
    );
  }
  return (
    <form className={styles.ratingForm} aria-label={m.rateTitle} onSubmit={submit} noValidate>
      {RATING_CRITERIA.map((c) => {
        const missing = tried && !scores[c];
        return (
          <fieldset
            key={c}
            className={styles.scoreSet}
            aria-invalid={missing ? true : undefined}
            aria-describedby={missing ? `${id}-${c}-error` : undefined}
          >
            <legend className={styles.legend}>{m.criteria[c]}</legend>
            <div className={styles.scores}>
              {[1, 2, 3, 4, 5].map((n) => (
                <label key={n} className={styles.score}>
                  <input
                    type="radio"
                    name={`${id}-${c}`}
                    value={n}
                    checked={scores[c] === n}
                    onChange={() => setScores((s) => ({ ...s, [c]: n }))}
                    aria-label={m.scoreOf(n)}
                  />
                  <span aria-hidden="true">{n}</span>
                </label>
              ))}
            </div>
            {missing && (
              <p id={`${id}-${c}-error`} className={fieldStyles.error}>
                {m.chooseScore}
              </p>
            )}
          </fieldset>
        );
      })}
      <div className={fieldStyles.field}>
        <label htmlFor={`${id}-comment`} className={fieldStyles.label}>
          {m.comment}
        </label>
        <p id={`${id}-comment-hint`} className={fieldStyles.hint}>
          {m.commentHint}
        </p>
        <textarea
          id={`${id}-comment`}
          className={fieldStyles.control}
          rows={3}
          maxLength={2000}
          value={comment}
          aria-describedby={`${id}-comment-hint`}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      {rate.isError && <ProblemAlert error={rate.error} />}
      <div className={styles.row}>
        <Button type="submit" loading={rate.isPending}>
          {m.send}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          {m.cancel}
        </Button>
      </div>
    </form>
  );
}

function RatableItem({ item, onRated }: { item: Ratable; onRated: () => void }) {
  const m = useMessages();
  const { formatDate, formatNumber } = useI18n();
  const kindName = useKindName();
  const [open, setOpen] = useState(false);
  const title = `${kindName(item.module, item.kind)}${item.reference ? `, № ${item.reference}` : ''}`;
  return (
    <Card as="li" headingLevel={3} title={title}>
      <p className={styles.muted}>
        {m.requestState.done}, {formatDate(item.updatedAt)}
      </p>
      {item.rating ? (
        <>
          <p>
            <strong>{m.yourRating(formatNumber(item.rating.average, { maximumFractionDigits: 1 }))}</strong>
          </p>
          {item.rating.comment && <p>«{item.rating.comment}»</p>}
          {item.rating.answer ? (
            <p>
              <strong>{m.answer}:</strong> {item.rating.answer.body}
            </p>
          ) : (
            <p className={styles.muted}>{m.noAnswer}</p>
          )}
        </>
      ) : open ? (
        <RatingForm
          item={item}
          onDone={() => {
            setOpen(false);
            onRated();
          }}
        />
      ) : (
        <p>
          <Button variant="outline" onClick={() => setOpen(true)}>
            {m.rate}
          </Button>
        </p>
      )}
    </Card>
  );
}

/** The newest finished requests shown at first; the rest on request. */
const FIRST = 6;

function MyRatings() {
  const m = useMessages();
  const ratable = useMyRatable(true);
  const [notice, setNotice] = useState(false);
  const [all, setAll] = useState(false);
  const items = ratable.data?.items ?? [];
  const shown = all ? items : items.slice(0, FIRST);
  return (
    <section aria-labelledby="life-my-ratable" className={styles.panel}>
      <h2 id="life-my-ratable" className={styles.sectionTitle}>
        {m.myRatable}
      </h2>
      <p className={styles.muted}>{m.myRatableLead}</p>
      {notice && (
        <Alert tone="success" live="status">
          {m.rated}
        </Alert>
      )}
      {ratable.isPending && <Spinner label={m.loading} />}
      {ratable.isError && <ProblemAlert error={ratable.error} />}
      {ratable.isSuccess &&
        (ratable.data.items.length === 0 ? (
          <EmptyState headingLevel={3} title={m.myRatableEmpty} />
        ) : (
          <>
            <ul className={styles.cards}>
              {shown.map((item) => (
                <RatableItem key={item.requestId} item={item} onRated={() => setNotice(true)} />
              ))}
            </ul>
            {shown.length < items.length && (
              <p>
                <Button variant="outline" onClick={() => setAll(true)}>
                  {m.showAll(items.length)}
                </Button>
              </p>
            )}
          </>
        ))}
    </section>
  );
}

function Summary() {
  const m = useMessages();
  const { formatNumber } = useI18n();
  const kindName = useKindName();
  const [by, setBy] = useState<By>('service');
  const summary = useRatingSummary(by);
  const avg = (n: number) => formatNumber(n, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const groupName = (key: string | null, name: string | null) => {
    if (by === 'service' && key) {
      const [module = '', kind = ''] = key.split('/');
      return kindName(module, kind);
    }
    return name ?? m.unknownGroup;
  };
  type Group = NonNullable<typeof summary.data>['groups'][number];
  type Month = NonNullable<typeof summary.data>['months'][number];
  return (
    <section aria-labelledby="life-summary" className={styles.panel}>
      <h2 id="life-summary" className={styles.sectionTitle}>
        {m.summaryTitle}
      </h2>
      <Select
        label={m.summaryBy}
        value={by}
        onChange={(e) => setBy(e.target.value as By)}
        options={(['service', 'organisation', 'municipality'] as const).map((b) => ({
          value: b,
          label: m.by[b],
        }))}
      />
      {summary.isPending && <Spinner label={m.loading} />}
      {summary.isError && <ProblemAlert error={summary.error} />}
      {summary.data && (
        <>
          <Table<Group>
            caption={`${m.summaryTitle} ${m.by[by]}`}
            stackOnMobile
            rows={summary.data.groups.slice(0, 20)}
            rowKey={(g) => g.key ?? 'none'}
            empty={m.noRatings}
            columns={[
              { id: 'name', header: m.group, rowHeader: true, cell: (g) => groupName(g.key, g.name) },
              { id: 'count', header: m.count, align: 'end', cell: (g) => formatNumber(g.count) },
              { id: 'overall', header: m.overall, align: 'end', cell: (g) => avg(g.averages.overall) },
              ...RATING_CRITERIA.map((c) => ({
                id: c,
                header: m.criteria[c],
                align: 'end' as const,
                cell: (g: Group) => avg(g.averages[c]),
              })),
            ]}
          />
          <Table<Month>
            caption={m.monthsTitle}
            stackOnMobile
            rows={summary.data.months.slice(-12)}
            rowKey={(x) => x.month}
            empty={m.noRatings}
            columns={[
              { id: 'month', header: m.month, rowHeader: true, cell: (x) => x.month },
              { id: 'count', header: m.count, align: 'end', cell: (x) => formatNumber(x.count) },
              { id: 'overall', header: m.overall, align: 'end', cell: (x) => avg(x.overall) },
            ]}
          />
        </>
      )}
    </section>
  );
}

function Latest() {
  const m = useMessages();
  const { formatDate, formatNumber } = useI18n();
  const kindName = useKindName();
  const latest = useLatestRatings();
  return (
    <section aria-labelledby="life-latest" className={styles.panel}>
      <h2 id="life-latest" className={styles.sectionTitle}>
        {m.latestTitle}
      </h2>
      {latest.isPending && <Spinner label={m.loading} />}
      {latest.isError && <ProblemAlert error={latest.error} />}
      {latest.data &&
        (latest.data.items.length === 0 ? (
          <p>{m.noRatings}</p>
        ) : (
          <ul className={styles.plainList}>
            {latest.data.items.map((r) => (
              <li key={r.id} className={styles.ratingItem}>
                <p>
                  <strong>
                    {r.organisationName ?? kindName(r.module, r.kind)} —{' '}
                    {m.scoreOf(formatNumber(r.average, { maximumFractionDigits: 1 }))}
                  </strong>{' '}
                  <span className={styles.muted}>{formatDate(r.createdAt)}</span>
                </p>
                {r.comment && <p>«{r.comment}»</p>}
                {r.answer && (
                  <p className={styles.answer}>
                    <strong>{m.answer}:</strong> {r.answer.body}
                  </p>
                )}
              </li>
            ))}
          </ul>
        ))}
    </section>
  );
}

/** /life-situations/ratings — «Ваш контроль»: the family rates its finished requests; public results. */
export function RatingsPage() {
  const m = useMessages();
  const { user } = useSession();
  return (
    <div className={styles.page}>
      <PageHeader title={m.ratingsTitle} lead={m.ratingsLead} />
      {user?.kind === 'citizen' && <MyRatings />}
      <Summary />
      <Latest />
    </div>
  );
}
