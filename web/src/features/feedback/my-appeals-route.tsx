import { useState, type FormEvent } from 'react';
import { Link, Route, Routes, useLocation, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button, LinkButton } from '../../ui/button';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { TextArea } from '../../ui/text-area';
import { useAnswerSurvey, useMyAppeal, useMyAppeals, useRateAppeal } from './api';
import { AppealFacts } from './appeal-facts';
import { AppealHeader, AppealNotLoaded } from './appeal-header';
import { AppealStatusBadge } from './appeal-status-badge';
import styles from './feedback.module.css';
import { fill, messages } from './messages';

function MyAppeals() {
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  const list = useMyAppeals();
  const report = <LinkButton to="/feedback/new">{m.report}</LinkButton>;
  return (
    <div className={styles.page}>
      <PageHeader title={m.myAppeals} lead={m.myLead} actions={report} />
      {list.isPending && <Spinner label={m.loading} />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data?.items.length === 0 && <EmptyState title={m.empty} text={m.emptyText} actions={report} />}
      <ul className={styles.list} aria-label={m.myAppeals}>
        {list.data?.items.map((a) => (
          <li key={a.id}>
            <Card flat className={styles.item}>
              <Link to={`/feedback/appeals/${a.id}`}>
                {m.kinds[a.kind]}, {fill(m.number, { number: a.number })}
              </Link>
              <span>
                {locale === 'en' ? a.categoryEn : a.categoryRu}
                {a.organisationName ? ` · ${a.organisationName}` : ''}
              </span>
              <span className={styles.row}>
                <AppealStatusBadge status={a.status} label={m.statuses[a.status]} />
                <span className={styles.muted}>
                  {m.registeredOn} {formatDate(a.registeredOn, { dateStyle: 'medium' })} · {m.answerDue}{' '}
                  {formatDate(a.answerDue, { dateStyle: 'medium' })}
                </span>
              </span>
            </Card>
          </li>
        ))}
      </ul>
    </div>
  );
}

function RateForm({ appealId, onRated }: { appealId: number; onRated: () => void }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const rate = useRateAppeal(appealId);
  const [rating, setRating] = useState('');
  const [comment, setComment] = useState('');
  const errors = isApiError(rate.error) ? rate.error.fieldErrors() : {};
  function submit(e: FormEvent) {
    e.preventDefault();
    rate.mutate(
      { rating: Number(rating), ...(comment.trim() ? { comment: comment.trim() } : {}) },
      { onSuccess: onRated },
    );
  }
  return (
    <Card title={m.rateTitle} headingLevel={2}>
      <form className={styles.stack} onSubmit={submit} noValidate aria-label={m.rateTitle}>
        <p className={styles.muted}>{m.rateLead}</p>
        {rate.isError && (
          <ProblemAlert error={rate.error} fieldLabels={{ rating: m.rating, comment: m.comment }} />
        )}
        <Select
          label={m.rating}
          name="rating"
          value={rating}
          onChange={(e) => setRating(e.target.value)}
          placeholder={m.choose}
          options={[5, 4, 3, 2, 1].map((r) => ({ value: String(r), label: m.ratingNames[r]! }))}
          error={errors.rating}
          required
        />
        <TextArea
          label={m.comment}
          optionalText={m.optional}
          name="comment"
          value={comment}
          onChange={(e) => setComment(e.target.value)}
          rows={3}
          maxLength={2000}
          error={errors.comment}
        />
        <div>
          <Button type="submit" disabled={rate.isPending || rating === ''}>
            {m.rate}
          </Button>
        </div>
      </form>
    </Card>
  );
}

/** «Проблема действительно устранена?»: the one-question survey after an answer saying «устранено». */
function SurveyForm({ appealId }: { appealId: number }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const survey = useAnswerSurvey(appealId);
  return (
    <Card title={m.surveyTitle} headingLevel={2}>
      <div className={styles.stack}>
        <p className={styles.muted}>{m.surveyLead}</p>
        {survey.isError && <ProblemAlert error={survey.error} />}
        <div className={styles.row}>
          <Button type="button" disabled={survey.isPending} onClick={() => survey.mutate(true)}>
            {m.surveyYes}
          </Button>
          <Button
            type="button"
            variant="secondary"
            disabled={survey.isPending}
            onClick={() => survey.mutate(false)}
          >
            {m.surveyNo}
          </Button>
        </div>
      </div>
    </Card>
  );
}

function MyAppealPage() {
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  const { appealId = '' } = useParams();
  const state = useLocation().state as { registered?: boolean; failedPhotos?: string[] } | null;
  const appeal = useMyAppeal(appealId);
  const [rated, setRated] = useState(false);
  if (appeal.isPending) return <Spinner label={m.loading} />;
  if (appeal.isError)
    return <AppealNotLoaded error={appeal.error} back="/feedback/appeals" backLabel={m.backToList} />;
  const a = appeal.data;
  return (
    <div className={styles.page}>
      <AppealHeader appeal={a} />
      {state?.registered && (
        <Alert tone="success" live="status">
          {fill(m.registeredNotice, {
            number: a.number,
            date: formatDate(a.answerDue, { dateStyle: 'long' }),
          })}
        </Alert>
      )}
      {state?.failedPhotos?.map((name) => (
        <Alert key={name} tone="warning">
          {fill(m.photoFailed, { name })}
        </Alert>
      ))}
      {a.duplicateOf && <p className={styles.muted}>{fill(m.joinedTo, { number: a.duplicateOf.number })}</p>}
      <AppealFacts appeal={a} />
      {a.survey?.askedAt && !a.survey.answer && <SurveyForm appealId={a.id} />}
      {a.survey?.answer && (
        <Alert tone="info" live="status">
          {m.surveyAnswered[a.survey.answer]}
        </Alert>
      )}
      {rated && (
        <Alert tone="success" live="status">
          {m.rated}
        </Alert>
      )}
      {a.status === 'answered' && !rated && <RateForm appealId={a.id} onRated={() => setRated(true)} />}
      <p>
        <Link to="/feedback/appeals">{m.backToList}</Link>
      </p>
    </div>
  );
}

/** /feedback/appeals: «Мои обращения» and each appeal's page (citizen). */
export function Component() {
  return (
    <Routes>
      <Route index element={<MyAppeals />} />
      <Route path=":appealId" element={<MyAppealPage />} />
    </Routes>
  );
}
