import { useMemo, useState } from 'react';
import { useParams } from 'react-router';
import { BENEFIT_KINDS, type QueuePosition } from '@contracts/kindergarten-queue';
import { useI18n } from '../../i18n/i18n-context';
import { systemReason } from '../../i18n/system-reasons';
import { pickPlural } from '../../i18n/plural';
import { Badge } from '../../ui/badge';
import { Button, LinkButton } from '../../ui/button';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import {
  useApplication,
  useApplicationAction,
  usePosition,
  usePositionChange,
  usePositionHistory,
} from './api';
import { fill, messages, type QueueMessages } from './messages';
import { PositionChart } from './position-chart';
import styles from './my-applications.module.css';

function PositionCard({ p, m, title }: { p: QueuePosition; m: QueueMessages; title: string }) {
  return (
    <Card title={title} headingLevel={3} flat>
      <p className={styles.big}>{fill(m.place, { p: p.position, t: p.total })}</p>
      <p>{fill(m.yourClass, { c: m.classes[p.queueClass] })}</p>
      <h4>{m.aheadTitle}</h4>
      <dl className={styles.ahead}>
        {(['extraordinary', 'first', 'sibling', 'general'] as const).map((c) => (
          <div key={c}>
            <dt>{m.classes[c]}</dt>
            <dd>{p.ahead[c]}</dd>
          </div>
        ))}
      </dl>
    </Card>
  );
}

function WhyChanged({
  id,
  registeredAt,
  m,
  locale,
}: {
  id: string;
  registeredAt: string;
  m: QueueMessages;
  locale: 'ru' | 'en';
}) {
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [asked, setAsked] = useState<{ from: string; to: string }>({
    from: registeredAt,
    to: new Date().toISOString(),
  });
  const change = usePositionChange(id, asked.from, asked.to);
  return (
    <Card title={m.whyTitle} headingLevel={2}>
      <form
        className={styles.row}
        onSubmit={(e) => {
          e.preventDefault();
          if (from && to) setAsked({ from, to });
        }}
      >
        <TextField label={m.from} type="date" value={from} onChange={(e) => setFrom(e.target.value)} />
        <TextField label={m.to} type="date" value={to} onChange={(e) => setTo(e.target.value)} />
        <Button type="submit" variant="outline">
          {m.explain}
        </Button>
      </form>
      {asked.from === registeredAt && <p className={styles.muted}>{m.sinceRegistration}</p>}
      {change.isError && <ProblemAlert error={change.error} />}
      {change.data && (
        <div aria-live="polite" data-testid="why-changed">
          <p>
            <strong>
              {locale === 'en' ? change.data.summaryEn.split('. ')[0] : change.data.summaryRu.split('. ')[0]}
            </strong>
          </p>
          <ul className={styles.reasons}>
            {change.data.reasons.map((r) => (
              <li key={`${r.code}-${r.queueClass}`}>{locale === 'en' ? r.textEn : r.textRu}</li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

export function ApplicationPage() {
  const { applicationId = '' } = useParams();
  const { locale, formatDate, formatNumber } = useI18n();
  const m = messages[locale];
  const app = useApplication(applicationId);
  const position = usePosition(applicationId);
  const history = usePositionHistory(applicationId);
  const actions = useApplicationAction(applicationId);
  const [editing, setEditing] = useState<number[] | null>(null);

  const chart = useMemo(() => {
    const points = history.data?.points ?? [];
    const kgNames = new Map((app.data?.choices ?? []).map((c) => [String(c.kindergartenId), c.nameRu]));
    const keys = Object.keys(points[0]?.kindergartens ?? {});
    return {
      dates: points.map((p) => p.date),
      series: [
        {
          name: locale === 'en' ? 'Municipality' : 'Муниципалитет',
          values: points.map((p) => p.municipality),
        },
        ...keys.map((k) => ({
          name: kgNames.get(k) ?? k,
          values: points.map((p) => p.kindergartens[k] ?? null),
        })),
      ],
    };
  }, [history.data, app.data, locale]);

  if (app.isPending) return <Spinner label={m.loading} />;
  if (app.isError) return <ProblemAlert error={app.error} />;
  const a = app.data;
  const canEdit = a.permittedActions.includes('queue.application.update-own');
  const active = ['new', 'registered', 'benefit_check', 'change_requested', 'directed', 'contract'].includes(
    a.status,
  );
  const pos = position.data;

  return (
    <>
      <PageHeader
        title={`${m.number} ${a.number}`}
        lead={`${a.child.lastName} ${a.child.firstName} · ${m.registeredAt}: ${formatDate(a.registeredAt, { dateStyle: 'medium', timeStyle: 'short' })}`}
        actions={<Badge tone={active ? 'info' : 'neutral'}>{m.statuses[a.status]}</Badge>}
      />
      <div className={styles.stack}>
        <Card title={m.positions} headingLevel={2}>
          {position.isPending && <Spinner label={m.loading} />}
          {pos && !pos.inQueue && (
            <p data-testid="not-in-queue">{m.notInQueueBy[pos.status] ?? m.notInQueue}</p>
          )}
          {pos?.inQueue && !pos.municipality && <Spinner label={m.loading} />}
          <div className={styles.grid2} data-testid="positions">
            {pos?.municipality && (
              <PositionCard
                p={pos.municipality}
                m={m}
                title={fill(m.municipalityQueue, { age: pos.municipality.ageGroup })}
              />
            )}
            {pos?.kindergartens.map((k) => (
              <PositionCard
                key={k.kindergartenId}
                p={k}
                m={m}
                title={(locale === 'en' && k.kindergartenNameEn) || k.kindergartenNameRu || ''}
              />
            ))}
          </div>
          {pos?.wait && (
            <>
              <h3>{m.waitTitle}</h3>
              <p>
                {pos.wait.months !== null && pos.wait.expectedDate
                  ? fill(pickPlural(locale, m.waitMonths, pos.wait.months), {
                      m: formatNumber(pos.wait.months),
                      d: formatDate(pos.wait.expectedDate, { month: 'long', year: 'numeric' }),
                    })
                  : m.waitUnknown}
              </p>
              <p className={styles.muted}>{locale === 'en' ? pos.wait.methodEn : pos.wait.methodRu}</p>
            </>
          )}
        </Card>

        <WhyChanged id={a.id} registeredAt={a.registeredAt} m={m} locale={locale} />

        <Card title={m.history} headingLevel={2}>
          {history.data && history.data.points.length > 0 && (
            <PositionChart dates={chart.dates} series={chart.series} label={m.chartLabel} />
          )}
        </Card>

        <Card title={m.choicesTitle} headingLevel={2}>
          <ol className={styles.list}>
            {(editing ?? a.choices.map((c) => c.kindergartenId)).map((id, i, list) => (
              <li key={id} className={styles.item}>
                <span>{a.choices.find((c) => c.kindergartenId === id)?.nameRu ?? `#${id}`}</span>
                {editing && (
                  <div className={styles.actions}>
                    {i > 0 && (
                      <Button
                        size="small"
                        variant="outline"
                        onClick={() => {
                          const next = [...list];
                          [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
                          setEditing(next);
                        }}
                      >
                        {m.up}
                      </Button>
                    )}
                    {list.length > 1 && (
                      <Button
                        size="small"
                        variant="ghost"
                        onClick={() => setEditing(list.filter((x) => x !== id))}
                      >
                        {m.remove}
                      </Button>
                    )}
                  </div>
                )}
              </li>
            ))}
          </ol>
          {canEdit && active && (
            <div className={styles.actions}>
              {editing ? (
                <>
                  <Button
                    onClick={() =>
                      actions.changeChoices.mutate(editing, { onSuccess: () => setEditing(null) })
                    }
                  >
                    {m.save}
                  </Button>
                  <Button variant="ghost" onClick={() => setEditing(null)}>
                    {m.cancel}
                  </Button>
                </>
              ) : (
                <Button variant="outline" onClick={() => setEditing(a.choices.map((c) => c.kindergartenId))}>
                  {m.changeChoices}
                </Button>
              )}
            </div>
          )}
          {actions.changeChoices.isError && <ProblemAlert error={actions.changeChoices.error} />}
        </Card>

        <Card title={m.benefits} headingLevel={2}>
          <ul className={styles.list}>
            {a.benefits.map((b) => (
              <li key={b.id} className={styles.item}>
                <span>
                  {BENEFIT_KINDS[b.kind as keyof typeof BENEFIT_KINDS]?.[locale] ?? b.kind} ·{' '}
                  <strong>{m.benefitStatus[b.status]}</strong>
                </span>
                {b.decisionReason && <span className={styles.muted}>{b.decisionReason}</span>}
              </li>
            ))}
          </ul>
        </Card>

        <Card title={m.timeline} headingLevel={2}>
          <ol className={styles.timeline}>
            {a.timeline.map((e) => (
              <li key={e.id}>
                <div>
                  <strong>{locale === 'en' ? e.textEn : e.textRu}</strong>
                </div>
                <div className={styles.muted}>
                  {formatDate(e.occurredAt, { dateStyle: 'medium', timeStyle: 'short' })}
                </div>
                {e.reason && (
                  <div>
                    {m.reason}: {systemReason(e.reason, locale)}
                  </div>
                )}
              </li>
            ))}
          </ol>
        </Card>

        <div className={styles.actions}>
          <LinkButton href={`/api/kindergarten/applications/${a.id}/export`} variant="outline" download>
            {m.downloadData}
          </LinkButton>
          {canEdit && active && (
            <Button
              variant="danger"
              onClick={() => {
                if (window.confirm(m.withdrawConfirm)) actions.withdraw.mutate();
              }}
            >
              {m.withdraw}
            </Button>
          )}
        </div>
        {actions.withdraw.isError && <ProblemAlert error={actions.withdraw.error} />}
      </div>
    </>
  );
}
