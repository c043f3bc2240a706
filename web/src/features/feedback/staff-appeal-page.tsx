import { WITHOUT_ANSWER_GROUND_NAMES, type StaffAppeal } from '@contracts/feedback';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link, useParams } from 'react-router';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { Checkbox } from '../../ui/checkbox';
import { TextArea } from '../../ui/text-area';
import { TextField } from '../../ui/text-field';
import { useSession } from '../auth/session';
import { useCategories, useStaffAppeal, useStaffStep, type StaffStep } from './api';
import { AppealFacts } from './appeal-facts';
import { AppealHeader, AppealNotLoaded } from './appeal-header';
import styles from './feedback.module.css';
import { fill, messages } from './messages';
import { OrganisationPicker } from './organisation-picker';
import { PublishForm } from './publish-form';

const OPEN = ['registered', 'forwarded', 'in_work', 'answer_rejected'];

/** One form of the desk: sends its body to one step of the appeal and says what the server refused. */
function StepForm({
  appealId,
  step,
  title,
  submit,
  body,
  ready = true,
  children,
}: {
  appealId: number;
  step: StaffStep;
  title: string;
  submit: string;
  body: () => Record<string, unknown>;
  ready?: boolean;
  children?: (errors: Record<string, string>) => ReactNode;
}) {
  const { locale } = useI18n();
  const m = messages[locale];
  const send = useStaffStep(appealId);
  const errors = isApiError(send.error) ? send.error.fieldErrors() : {};
  function onSubmit(e: FormEvent) {
    e.preventDefault();
    send.mutate({ step, body: body() });
  }
  return (
    <Card title={title} headingLevel={2}>
      <form className={styles.stack} onSubmit={onSubmit} noValidate aria-label={title}>
        {send.isError && <ProblemAlert error={send.error} />}
        {send.isSuccess && (
          <Alert tone="success" live="status">
            {m.done}
          </Alert>
        )}
        {children?.(errors)}
        <div>
          <Button type="submit" disabled={send.isPending || !ready}>
            {submit}
          </Button>
        </div>
      </form>
    </Card>
  );
}

function Suggestions({ appeal }: { appeal: StaffAppeal }) {
  const { locale, formatNumber } = useI18n();
  const m = messages[locale];
  const categories = useCategories();
  const name = (code: string) => {
    const leaf = categories.data?.groups.flatMap((g) => g.leaves).find((l) => l.code === code);
    return leaf ? (locale === 'en' ? leaf.en : leaf.ru) : code;
  };
  return (
    <Card title={m.suggestionsTitle} headingLevel={2} flat aria-label={m.suggestionsTitle}>
      {appeal.suggestions === null ? (
        <p>{m.suggestionsNone}</p>
      ) : (
        <>
          <p className={styles.muted}>{m.suggestionsLead}</p>
          {appeal.autoRouting && (
            <p>
              {fill(
                appeal.autoRouting.routed
                  ? m.autoRouted
                  : appeal.autoRouting.score >= appeal.autoRouting.threshold
                    ? m.autoNoRule
                    : m.autoSuggested,
                {
                  category: name(appeal.autoRouting.categoryCode),
                  score: formatNumber(appeal.autoRouting.score, {
                    style: 'percent',
                    maximumFractionDigits: 0,
                  }),
                },
              )}
            </p>
          )}
          <ol>
            {appeal.suggestions.map((s) => (
              <li key={s.categoryCode}>
                {name(s.categoryCode)} —{' '}
                {formatNumber(s.score, { style: 'percent', maximumFractionDigits: 0 })}
              </li>
            ))}
          </ol>
        </>
      )}
    </Card>
  );
}

/** Linked appeals (joined by citizens) and possible duplicates by the rules: linked, never hidden. */
function Duplicates({ appeal }: { appeal: StaffAppeal }) {
  const { locale, formatDate, formatNumber } = useI18n();
  const m = messages[locale];
  const { linked, possible } = appeal.duplicates;
  const line = (s: StaffAppeal['duplicates']['possible'][number]) =>
    `${locale === 'en' ? s.categoryEn : s.categoryRu} · ${m.statuses[s.status]} · ${m.answerDue} ${formatDate(
      s.answerDue,
      { dateStyle: 'medium' },
    )} · ${fill(m.similarity, { value: formatNumber(s.similarity, { style: 'percent', maximumFractionDigits: 0 }) })}`;
  return (
    <Card title={m.duplicatesTitle} headingLevel={2} flat aria-label={m.duplicatesTitle}>
      {linked.length === 0 && possible.length === 0 && <p>{m.duplicatesNone}</p>}
      {linked.length > 0 && (
        <>
          <h3>{m.duplicatesLinked}</h3>
          <ul>
            {linked.map((s) => (
              <li key={s.id}>
                <Link to={`/staff/feedback/appeals/${s.id}`}>{fill(m.number, { number: s.number })}</Link> (
                {m.relations[s.relation]}) · {line(s)}
              </li>
            ))}
          </ul>
        </>
      )}
      {possible.length > 0 && (
        <>
          <h3>{m.duplicatesPossible}</h3>
          <ul>
            {possible.map((s) => (
              <li key={s.id}>
                <Link to={`/staff/feedback/appeals/${s.id}`}>{fill(m.number, { number: s.number })}</Link> ·{' '}
                {line(s)}
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}

function Actions({ appeal }: { appeal: StaffAppeal }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const { user } = useSession();
  const [answer, setAnswer] = useState('');
  const [fixed, setFixed] = useState(false);
  const [days, setDays] = useState('30');
  const [reason, setReason] = useState('');
  const [forwardTo, setForwardTo] = useState<number | null>(null);
  const [forwardNote, setForwardNote] = useState('');
  const [ground, setGround] = useState('');
  const [groundNote, setGroundNote] = useState('');
  const handle = appeal.permittedActions.includes('feedback.appeal.handle');
  const route = appeal.permittedActions.includes('feedback.appeal.route');
  const open = OPEN.includes(appeal.status);
  if (!open || (!handle && !route)) return open ? <Alert tone="info">{m.readOnly}</Alert> : null;
  const mine = appeal.status === 'in_work' && appeal.assigneeUserId === user?.id;
  return (
    <>
      {handle && !mine && (
        <StepForm
          appealId={appeal.id}
          step="assign"
          title={m.takeIntoWork}
          submit={m.takeIntoWork}
          body={() => ({})}
        />
      )}
      {handle && appeal.status === 'in_work' && (
        <StepForm
          appealId={appeal.id}
          step="answer"
          title={m.answer}
          submit={m.sendAnswer}
          body={() => ({ text: answer.trim(), fixed })}
          ready={answer.trim() !== ''}
        >
          {(errors) => (
            <>
              <TextArea
                label={m.answerText}
                value={answer}
                onChange={(e) => setAnswer(e.target.value)}
                rows={6}
                maxLength={10_000}
                error={errors.text}
                required
              />
              <Checkbox
                label={m.answerFixed}
                name="fixed"
                checked={fixed}
                onChange={(e) => setFixed(e.target.checked)}
              />
            </>
          )}
        </StepForm>
      )}
      {handle && !appeal.extended && (
        <StepForm
          appealId={appeal.id}
          step="extend"
          title={m.extendTitle}
          submit={m.extend}
          body={() => ({ days: Number(days), reason: reason.trim() })}
          ready={reason.trim() !== ''}
        >
          {(errors) => (
            <>
              <TextField
                label={m.extendDays}
                type="number"
                min={1}
                max={30}
                inputMode="numeric"
                value={days}
                onChange={(e) => setDays(e.target.value)}
                error={errors.days}
              />
              <TextArea
                label={m.extendReason}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                rows={3}
                error={errors.reason}
                required
              />
            </>
          )}
        </StepForm>
      )}
      {route && (
        <StepForm
          appealId={appeal.id}
          step="forward"
          title={m.forwardTitle}
          submit={m.forward}
          body={() => ({ organisationId: forwardTo, note: forwardNote.trim() })}
          ready={forwardTo !== null && forwardNote.trim() !== ''}
        >
          {(errors) => (
            <>
              <OrganisationPicker value={forwardTo} onChange={setForwardTo} error={errors.organisationId} />
              <TextArea
                label={m.forwardNote}
                value={forwardNote}
                onChange={(e) => setForwardNote(e.target.value)}
                rows={3}
                error={errors.note}
                required
              />
            </>
          )}
        </StepForm>
      )}
      {handle && (
        <StepForm
          appealId={appeal.id}
          step="without-answer"
          title={m.withoutTitle}
          submit={m.without}
          body={() => ({ ground, ...(groundNote.trim() ? { note: groundNote.trim() } : {}) })}
          ready={ground !== ''}
        >
          {(errors) => (
            <>
              <Select
                label={m.groundLabel}
                value={ground}
                onChange={(e) => setGround(e.target.value)}
                placeholder={m.choose}
                options={WITHOUT_ANSWER_GROUND_NAMES.map((g) => ({ value: g, label: m.grounds[g] }))}
                error={errors.ground}
                required
              />
              <TextArea
                label={m.withoutNote}
                optionalText={m.optional}
                value={groundNote}
                onChange={(e) => setGroundNote(e.target.value)}
                rows={2}
                error={errors.note}
              />
            </>
          )}
        </StepForm>
      )}
    </>
  );
}

/** /staff/feedback/appeals/:appealId: the appeal with its author, the classifier's top 3 and the steps. */
export function StaffAppealPage() {
  const { locale } = useI18n();
  const m = messages[locale];
  const { appealId = '' } = useParams();
  const appeal = useStaffAppeal(appealId);
  if (appeal.isPending) return <Spinner label={m.loading} />;
  if (appeal.isError)
    return <AppealNotLoaded error={appeal.error} back="/staff/feedback" backLabel={m.backToQueue} />;
  const a = appeal.data;
  return (
    <div className={styles.page}>
      <AppealHeader appeal={a} />
      <dl className={styles.facts}>
        <div>
          <dt>{m.citizen}</dt>
          <dd>{a.citizenName}</dd>
        </div>
        <div>
          <dt>{m.assignee}</dt>
          <dd>{a.assigneeName ?? m.nobody}</dd>
        </div>
      </dl>
      <Suggestions appeal={a} />
      <Duplicates appeal={a} />
      <AppealFacts appeal={a} textTitle={m.appealText} />
      <Actions key={`${a.status}-${a.extended}`} appeal={a} />
      {(a.status === 'answered' || a.status === 'closed') &&
        a.permittedActions.includes('feedback.answer.publish') && <PublishForm appeal={a} />}
      <p>
        <Link to="/staff/feedback">{m.backToQueue}</Link>
      </p>
    </div>
  );
}
