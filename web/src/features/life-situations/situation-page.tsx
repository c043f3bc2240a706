import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type {
  Question,
  ServiceRef,
  SituationDefinition,
  SituationItem,
  Step,
  StepGroup,
} from '@contracts/life-situation-definition';
import type { SituationPlan, StepViewDto } from '@contracts/life-situations';
import { useI18n } from '../../i18n/i18n-context';
import type { Locale } from '../../i18n/messages';
import { Alert } from '../../ui/alert';
import { Badge, type BadgeTone } from '../../ui/badge';
import { LinkButton } from '../../ui/button';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { useSession } from '../auth/session';
import { usePlan, useSituation, type Answers } from './api';
import { useKindName } from './kind-name';
import styles from './life.module.css';
import type { LifeMessages } from './messages';
import { pick, useMessages } from './use-messages';

type StepStatus = StepViewDto['status'];
type StepViewBase = Omit<StepViewDto, 'group' | 'steps'>;

const TONE: Record<StepStatus, BadgeTone> = {
  not_started: 'neutral',
  blocked: 'warning',
  in_progress: 'info',
  done: 'success',
};

function isGroup(item: SituationItem): item is StepGroup {
  return 'group' in item;
}

/** Every step and group of the definition by id (the plan names steps by id only). */
function titlesOf(definition: SituationDefinition, locale: Locale): Map<string, string> {
  const titles = new Map<string, string>();
  for (const item of definition.items) {
    titles.set(item.id, pick(locale, item.titleRu, item.titleEn));
    if (isGroup(item)) for (const s of item.steps) titles.set(s.id, pick(locale, s.titleRu, s.titleEn));
  }
  return titles;
}

function viewsOf(plan: SituationPlan | undefined): Map<string, StepViewBase> {
  const views = new Map<string, StepViewBase>();
  for (const item of plan?.items ?? []) {
    views.set(item.id, item);
    for (const s of item.steps ?? []) views.set(s.id, s);
  }
  return views;
}

interface Ctx {
  m: LifeMessages;
  locale: Locale;
  plan: SituationPlan | undefined;
  views: Map<string, StepViewBase>;
  titles: Map<string, string>;
  skipped: Set<string>;
}

/** The step's status and why: from the API's plan only, never typed in. */
function StepStatusLine({ view, ctx }: { view: StepViewBase; ctx: Ctx }) {
  const { m, plan, titles } = ctx;
  const kindName = useKindName();
  const requests = (plan?.requests ?? []).filter((r) => view.requestIds.includes(r.id));
  let why: string;
  if (view.applies === 'unknown') why = m.why.unknown;
  else if (view.status === 'blocked')
    why = m.why.blockedBy(view.blockedBy.map((id) => `«${titles.get(id) ?? id}»`).join(', '));
  else if (view.status === 'in_progress') why = m.why.inProgress;
  else if (view.status === 'done') why = requests.length > 0 ? m.why.doneByRequest : m.why.doneByFact;
  else why = m.why.not_started;
  return (
    <div className={styles.status}>
      <p className={styles.row}>
        <Badge tone={TONE[view.status]}>{m.status[view.status]}</Badge>
        <span>{why}</span>
      </p>
      {requests.length > 0 && (
        <ul className={styles.plain}>
          {requests.map((r) => (
            <li key={r.id}>
              <Link to={r.link}>
                {kindName(r.module, r.kind)}
                {r.reference ? `, № ${r.reference}` : ''}
              </Link>{' '}
              — {m.requestState[r.state]}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ServiceView({ service, ctx }: { service: ServiceRef; ctx: Ctx }) {
  const { m, locale } = ctx;
  const title = pick(locale, service.titleRu, service.titleEn);
  if (service.type === 'own')
    return (
      <li className={styles.service}>
        <span className={styles.muted}>{m.ownService}: </span>
        <Link to={service.link}>{title}</Link>
      </li>
    );
  return (
    <li className={styles.service}>
      <details>
        <summary>{title}</summary>
        <dl className={styles.facts}>
          <dt>{m.authority}</dt>
          <dd>{service.authority}</dd>
          <dt>{m.channels}</dt>
          <dd>{service.channels.map((c) => m.channel[c]).join(', ')}</dd>
          <dt>{m.cost}</dt>
          <dd>{service.cost}</dd>
          <dt>{m.term}</dt>
          <dd>{service.term}</dd>
          {service.documents.length > 0 && (
            <>
              <dt>{m.documents}</dt>
              <dd>
                <ul>
                  {service.documents.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          {service.prerequisites.length > 0 && (
            <>
              <dt>{m.prerequisites}</dt>
              <dd>
                <ul>
                  {service.prerequisites.map((d) => (
                    <li key={d}>{d}</li>
                  ))}
                </ul>
              </dd>
            </>
          )}
          <dt>{m.legalBasis}</dt>
          <dd>
            <ul>
              {service.legalBasis.map((d) => (
                <li key={d}>{d}</li>
              ))}
            </ul>
          </dd>
        </dl>
        {service.gosuslugiUrl && (
          <p>
            <a href={service.gosuslugiUrl} target="_blank" rel="noopener noreferrer">
              {m.gosuslugi} <span className={styles.visuallyHidden}>{m.newWindow}</span>
            </a>
          </p>
        )}
      </details>
    </li>
  );
}

function StepBody({ step, ctx, level }: { step: Step | StepGroup; ctx: Ctx; level: 3 | 4 }) {
  const { m, locale, plan, views, skipped } = ctx;
  const view = views.get(step.id);
  const Heading = `h${level}` as const;
  const isSkipped = skipped.has(step.id);
  return (
    <>
      <Heading className={styles.stepTitle}>{pick(locale, step.titleRu, step.titleEn)}</Heading>
      <p className={styles.row}>
        {step.optional && <Badge>{m.optional}</Badge>}
        {isSkipped && <span className={styles.muted}>{m.skipped}</span>}
      </p>
      {plan?.personal && view && !isSkipped && <StepStatusLine view={view} ctx={ctx} />}
      {!plan?.personal && view?.applies === 'unknown' && <p className={styles.muted}>{m.why.unknown}</p>}
      {step.descriptionRu && <p>{pick(locale, step.descriptionRu, step.descriptionEn)}</p>}
      {!isGroup(step) && step.services.length > 0 && (
        <ul className={styles.services}>
          {step.services.map((s, i) => (
            <ServiceView key={i} service={s} ctx={ctx} />
          ))}
        </ul>
      )}
    </>
  );
}

function ItemView({ item, index, ctx }: { item: SituationItem; index: number; ctx: Ctx }) {
  const { m, skipped, views, plan } = ctx;
  const status = plan?.personal ? views.get(item.id)?.status : undefined;
  return (
    <li
      id={`step-${item.id}`}
      className={[
        styles.step,
        skipped.has(item.id) && styles.stepSkipped,
        status === 'done' && styles.stepDone,
      ]
        .filter(Boolean)
        .join(' ')}
    >
      <span className={styles.stepNumber} aria-hidden="true">
        {index + 1}
      </span>
      <div className={styles.stepContent}>
        <StepBody step={item} ctx={ctx} level={3} />
        {isGroup(item) && (
          <>
            <p className={styles.groupLabel}>{item.group === 'oneOf' ? m.oneOf : m.allOf}</p>
            <ul className={styles.subSteps}>
              {item.steps.map((s, i) => (
                <li key={s.id} id={`step-${s.id}`} className={styles.subStep}>
                  {i > 0 && (
                    <p className={styles.joiner} aria-hidden="true">
                      {item.group === 'oneOf' ? m.or : m.and}
                    </p>
                  )}
                  <StepBody step={s} ctx={ctx} level={4} />
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
    </li>
  );
}

function Questionnaire({
  questions,
  answers,
  onChange,
}: {
  questions: readonly Question[];
  answers: Answers;
  onChange: (answers: Answers) => void;
}) {
  const { locale } = useI18n();
  const m = useMessages();
  return (
    <section aria-labelledby="life-questions" className={styles.panel}>
      <h2 id="life-questions" className={styles.sectionTitle}>
        {m.questionsTitle}
      </h2>
      <p className={styles.muted}>{m.questionsLead}</p>
      <div className={styles.questions}>
        {questions.map((q) => (
          <Select
            key={q.id}
            label={pick(locale, q.textRu, q.textEn)}
            value={answers[q.id] ?? ''}
            onChange={(e) => {
              const next = { ...answers };
              if (e.target.value) next[q.id] = e.target.value;
              else delete next[q.id];
              onChange(next);
            }}
            options={[
              { value: '', label: m.dontKnow },
              ...q.options.map((o) => ({ value: o.value, label: pick(locale, o.labelRu, o.labelEn) })),
            ]}
          />
        ))}
      </div>
    </section>
  );
}

/** /life-situations/:code — a GOV.UK step-by-step; for a signed-in family its own task list. */
export function SituationPage() {
  const { code = '' } = useParams();
  const { locale, formatDate } = useI18n();
  const m = useMessages();
  const location = useLocation();
  const { user, isResolving } = useSession();
  const citizen = user?.kind === 'citizen';
  const [answers, setAnswers] = useState<Answers>({});
  const situation = useSituation(code);
  const worked = (situation.data?.definition.items.length ?? 0) > 0;
  const plan = usePlan(code, answers, citizen, situation.isSuccess && worked && !isResolving);

  if (situation.isPending) return <Spinner label={m.loading} />;
  if (situation.isError)
    return (
      <div className={styles.page}>
        <PageHeader title={m.title} />
        <ProblemAlert error={situation.error} />
      </div>
    );
  const { definition, version, updatedAt } = situation.data;
  const titles = titlesOf(definition, locale);
  const ctx: Ctx = {
    m,
    locale,
    plan: plan.data,
    views: viewsOf(plan.data),
    titles,
    skipped: new Set(plan.data?.skipped ?? []),
  };
  const returnTo = `${location.pathname}${location.search}`;

  return (
    <div className={styles.page}>
      <p>
        <Link to="/life-situations">← {m.backToList}</Link>
      </p>
      <PageHeader
        title={pick(locale, definition.titleRu, definition.titleEn)}
        eyebrow={definition.origin === 'federal' ? m.federal : m.regional}
        lead={pick(locale, definition.summaryRu, definition.summaryEn)}
      />
      <p className={styles.muted}>
        {m.source}: {definition.source}. {m.version(version, formatDate(updatedAt))}
      </p>

      {!worked && <Alert tone="info">{m.notWorkedOutText}</Alert>}

      {worked && definition.questions.length > 0 && (
        <Questionnaire questions={definition.questions} answers={answers} onChange={setAnswers} />
      )}

      {worked && citizen && (
        <section aria-labelledby="life-my-plan" className={styles.panel}>
          <h2 id="life-my-plan" className={styles.sectionTitle}>
            {m.myPlanTitle}
          </h2>
          <p className={styles.muted}>{m.myPlanLead}</p>
          {plan.isPending && <Spinner label={m.loading} />}
          {plan.isError && <ProblemAlert error={plan.error} />}
          {plan.data && (
            <div role="status">
              <p className={styles.progress}>
                <strong>{m.progress(plan.data.done, plan.data.total)}</strong>
              </p>
              {plan.data.complete ? (
                <p>{m.complete}</p>
              ) : (
                plan.data.next && (
                  <p>
                    {m.nextStep}: <a href={`#step-${plan.data.next}`}>{titles.get(plan.data.next)}</a>
                  </p>
                )
              )}
            </div>
          )}
        </section>
      )}
      {worked && !user && !isResolving && (
        <Alert
          tone="info"
          actions={
            <LinkButton to={`/login?returnTo=${encodeURIComponent(returnTo)}`} variant="outline">
              {m.signIn}
            </LinkButton>
          }
        >
          {m.signInForPlan}
        </Alert>
      )}

      {worked && (
        <section aria-labelledby="life-steps">
          <h2 id="life-steps" className={styles.sectionTitle}>
            {m.stepsTitle}
          </h2>
          <ol className={styles.steps}>
            {definition.items.map((item, i) => (
              <ItemView key={item.id} item={item} index={i} ctx={ctx} />
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}
