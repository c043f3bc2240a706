import { useI18n } from '../../i18n/i18n-context';
import { LinkButton } from '../../ui/button';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { Table } from '../../ui/table';
import { useSession } from '../auth/session';
import { useTopics } from './api';
import styles from './feedback.module.css';
import { fill, messages } from './messages';

const DAY = 24 * 60 * 60_000;
const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** /feedback: what the service does, the legal limits, and the most frequent topics (public). */
export function Component() {
  const { locale, formatDate, formatNumber } = useI18n();
  const m = messages[locale];
  const { user } = useSession();
  const to = isoDay(new Date());
  const from = isoDay(new Date(Date.now() - 89 * DAY));
  const topics = useTopics(from, to);
  const max = Math.max(1, ...(topics.data?.topics.map((t) => t.count) ?? []));
  return (
    <div className={styles.page}>
      <PageHeader
        title={m.title}
        lead={m.lead}
        actions={
          <div className={styles.row}>
            <LinkButton to="/feedback/new">{m.report}</LinkButton>
            {user?.kind === 'citizen' && (
              <LinkButton to="/feedback/appeals" variant="secondary">
                {m.myAppeals}
              </LinkButton>
            )}
          </div>
        }
      />
      <section aria-labelledby="topics-title" className={styles.stack}>
        <h2 id="topics-title">{m.topicsTitle}</h2>
        <p className={styles.muted}>
          {fill(m.topicsLead, {
            from: formatDate(from, { dateStyle: 'medium' }),
            to: formatDate(to, { dateStyle: 'medium' }),
          })}
        </p>
        {topics.isPending && <Spinner label={m.loading} />}
        {topics.isError && <ProblemAlert error={topics.error} />}
        {topics.data && (
          <Table
            caption={m.topicsCaption}
            captionHidden
            stackOnMobile
            rows={topics.data.topics}
            rowKey={(t) => t.categoryCode}
            empty={m.topicsEmpty}
            columns={[
              {
                id: 'topic',
                header: m.topic,
                rowHeader: true,
                cell: (t) => (locale === 'en' ? t.titleEn : t.titleRu),
              },
              {
                id: 'count',
                header: m.count,
                align: 'end',
                cell: (t) => (
                  <span className={styles.row}>
                    <span
                      className={styles.bar}
                      style={{ width: `${(4 * t.count) / max}rem` }}
                      aria-hidden="true"
                    />
                    {formatNumber(t.count)}
                  </span>
                ),
              },
              {
                id: 'share',
                header: m.share,
                align: 'end',
                cell: (t) => formatNumber(t.share, { style: 'percent', maximumFractionDigits: 1 }),
              },
            ]}
          />
        )}
      </section>
      <Card title={m.rulesTitle} headingLevel={2} flat>
        <ul>
          {m.rules.map((r) => (
            <li key={r}>{r}</li>
          ))}
        </ul>
        <p className={styles.muted}>{m.rulesSource}</p>
      </Card>
    </div>
  );
}
