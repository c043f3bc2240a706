import type { Appeal } from '@contracts/feedback';
import { useI18n } from '../../i18n/i18n-context';
import { Badge } from '../../ui/badge';
import styles from './feedback.module.css';
import { fill, messages } from './messages';

/** What the citizen and the staff both see of an appeal: limits, text, photos, answer, history. */
export function AppealFacts({ appeal, textTitle }: { appeal: Appeal; textTitle?: string }) {
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  const day = (d: string) => formatDate(d, { dateStyle: 'medium' });
  const open = !['answered', 'closed', 'left_without_answer'].includes(appeal.status);
  return (
    <>
      <dl className={styles.facts}>
        <div>
          <dt>{m.registeredOn}</dt>
          <dd>{day(appeal.registeredOn)}</dd>
        </div>
        <div>
          <dt>{appeal.extended ? m.answerDueExtended : m.answerDue}</dt>
          <dd>
            {day(appeal.answerDue)}{' '}
            {open && appeal.urgency && appeal.urgency !== 'in_time' && (
              <Badge tone={appeal.urgency === 'overdue' ? 'danger' : 'warning'}>
                {m.urgency[appeal.urgency]}
              </Badge>
            )}
          </dd>
        </div>
        <div>
          <dt>{m.category}</dt>
          <dd>{locale === 'en' ? appeal.categoryEn : appeal.categoryRu}</dd>
        </div>
        {appeal.organisationName && (
          <div>
            <dt>{m.organisationOf}</dt>
            <dd>{appeal.organisationName}</dd>
          </div>
        )}
        {appeal.rating !== null && (
          <div>
            <dt>{m.rating}</dt>
            <dd>{fill(m.ratingOf, { rating: appeal.rating })}</dd>
          </div>
        )}
      </dl>
      <section aria-labelledby="appeal-text" className={styles.stack}>
        <h2 id="appeal-text">{textTitle ?? m.yourText}</h2>
        <p className={styles.text}>{appeal.text}</p>
        {appeal.photos.length > 0 && (
          <ul className={styles.photos} aria-label={m.photos}>
            {appeal.photos.map((p, i) => (
              <li key={p.id}>
                <a href={p.url} target="_blank" rel="noreferrer">
                  <img src={p.url} alt={`${m.photos} ${i + 1}`} loading="lazy" />
                </a>
              </li>
            ))}
          </ul>
        )}
      </section>
      <section aria-labelledby="appeal-answer" className={styles.stack}>
        <h2 id="appeal-answer">{m.answer}</h2>
        {appeal.status === 'left_without_answer' && appeal.withoutAnswerGround ? (
          <p>
            {m.statuses.left_without_answer}: {m.grounds[appeal.withoutAnswerGround]} (
            {appeal.withoutAnswerArticle})
          </p>
        ) : appeal.answerText ? (
          <>
            {appeal.answeredAt && (
              <p className={styles.muted}>{fill(m.answeredAt, { date: day(appeal.answeredAt) })}</p>
            )}
            <p className={styles.text}>{appeal.answerText}</p>
          </>
        ) : (
          <p>{fill(m.noAnswerYet, { date: day(appeal.answerDue) })}</p>
        )}
      </section>
      <section aria-labelledby="appeal-history" className={styles.stack}>
        <h2 id="appeal-history">{m.history}</h2>
        <ol className={styles.timeline}>
          {appeal.events.map((e, i) => (
            <li key={i}>
              <strong>{m.events[e.type] ?? e.type}</strong>{' '}
              <span className={styles.muted}>
                {formatDate(e.at, { dateStyle: 'medium', timeStyle: 'short' })}
              </span>
              {e.toStatus && e.type !== 'registered' && (
                <span> → {m.statuses[e.toStatus as keyof typeof m.statuses] ?? e.toStatus}</span>
              )}
              {e.note && <div className={styles.muted}>{e.note}</div>}
            </li>
          ))}
        </ol>
      </section>
    </>
  );
}
