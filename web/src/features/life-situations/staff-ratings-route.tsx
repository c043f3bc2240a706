import { useId, useState, type FormEvent } from 'react';
import { RATING_CRITERIA, type Rating } from '@contracts/life-situations';
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
import { useAnswerRating, useStaffRatings } from './api';
import { useKindName } from './kind-name';
import styles from './life.module.css';
import { useMessages } from './use-messages';

function AnswerForm({ rating, onAnswered }: { rating: Rating; onAnswered: () => void }) {
  const m = useMessages();
  const id = useId();
  const answer = useAnswerRating(rating.id);
  const [body, setBody] = useState('');
  function submit(e: FormEvent) {
    e.preventDefault();
    answer.mutate(body.trim(), { onSuccess: onAnswered });
  }
  return (
    <form className={styles.ratingForm} onSubmit={submit} aria-label={m.answerField} noValidate>
      <div className={fieldStyles.field}>
        <label htmlFor={`${id}-body`} className={fieldStyles.label}>
          {m.answerField}
        </label>
        <p id={`${id}-hint`} className={fieldStyles.hint}>
          {m.answerHint}
        </p>
        <textarea
          id={`${id}-body`}
          className={fieldStyles.control}
          rows={3}
          maxLength={2000}
          value={body}
          aria-describedby={`${id}-hint`}
          onChange={(e) => setBody(e.target.value)}
        />
      </div>
      {answer.isError && <ProblemAlert error={answer.error} fieldLabels={{ 'body.body': m.answerField }} />}
      <p>
        <Button type="submit" loading={answer.isPending}>
          {m.answerSend}
        </Button>
      </p>
    </form>
  );
}

function RatingCard({ rating, onAnswered }: { rating: Rating; onAnswered: () => void }) {
  const m = useMessages();
  const { formatDate, formatNumber } = useI18n();
  const kindName = useKindName();
  const title = [kindName(rating.module, rating.kind), rating.organisationName].filter(Boolean).join(', ');
  return (
    <Card as="li" headingLevel={2} title={title}>
      <p className={styles.muted}>{m.ratedAt(formatDate(rating.createdAt))}</p>
      <p>
        <strong>{m.averageOf(formatNumber(rating.average, { maximumFractionDigits: 1 }))}</strong>
      </p>
      <dl className={styles.facts}>
        {RATING_CRITERIA.map((c) => (
          <div key={c} className={styles.contents}>
            <dt>{m.criteria[c]}</dt>
            <dd>{m.scoreOf(rating.scores[c])}</dd>
          </div>
        ))}
      </dl>
      {rating.comment && <p>«{rating.comment}»</p>}
      {rating.answer ? (
        <p className={styles.answer}>
          <strong>{m.answer}:</strong> {rating.answer.body}
        </p>
      ) : (
        <AnswerForm rating={rating} onAnswered={onAnswered} />
      )}
    </Card>
  );
}

/** /staff/ratings — the organisation's staff answer their families' «Ваш контроль» ratings publicly. */
export function Component() {
  const m = useMessages();
  const [unanswered, setUnanswered] = useState(true);
  const ratings = useStaffRatings(unanswered);
  const [answered, setAnswered] = useState(false);
  return (
    <div className={styles.page}>
      <PageHeader title={m.answersTitle} lead={m.answersLead} />
      <Select
        label={m.answersShow}
        value={unanswered ? 'unanswered' : 'all'}
        onChange={(e) => setUnanswered(e.target.value === 'unanswered')}
        options={[
          { value: 'unanswered', label: m.answersUnanswered },
          { value: 'all', label: m.answersAll },
        ]}
      />
      {answered && (
        <Alert tone="success" live="status">
          {m.answerSent}
        </Alert>
      )}
      {ratings.isPending && <Spinner label={m.loading} />}
      {ratings.isError && <ProblemAlert error={ratings.error} />}
      {ratings.data &&
        (ratings.data.items.length === 0 ? (
          <EmptyState title={m.answersEmpty} />
        ) : (
          <ul className={styles.cards}>
            {ratings.data.items.map((r) => (
              <RatingCard key={r.id} rating={r} onAnswered={() => setAnswered(true)} />
            ))}
          </ul>
        ))}
    </div>
  );
}
