import { useEffect, useMemo, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import {
  BENEFIT_KINDS,
  DEFAULT_MAX_PREFERENCES,
  type ApplicationInput,
  type BenefitKind,
  type QueueRulesResponse,
} from '@contracts/kindergarten-queue';
import { applicationAgeGroup } from '@contracts/kindergarten-age-group';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { Checkbox } from '../../ui/checkbox';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { useSession } from '../auth/session';
import { useRegion } from '../region/region';
import {
  saveDraft,
  uploadDocument,
  useDraft,
  useKindergartens,
  useQueueRules,
  useSubmitApplication,
} from './api';
import { KindergartenChoiceMap } from './kindergarten-choice-map';
import { fill, messages } from './messages';
import styles from './my-applications.module.css';

interface WizardData {
  lastName: string;
  firstName: string;
  patronymic: string;
  birthDate: string;
  birthCertificate: string;
  fullName: string;
  email: string;
  phone: string;
  municipalityId: string;
  address: string;
  desiredDate: string;
  orientation: ApplicationInput['orientation'];
  stayMode: ApplicationInput['stayMode'];
  kindergartenIds: number[];
  consentOther: boolean;
  benefitKind: string;
  siblingKindergartenId: string;
  documentId: string;
  documentName: string;
  /** One key per wizard: a retried submission never creates a second application. */
  idempotencyKey: string;
}

const EMPTY: WizardData = {
  lastName: '',
  firstName: '',
  patronymic: '',
  birthDate: '',
  birthCertificate: '',
  fullName: '',
  email: '',
  phone: '',
  municipalityId: '',
  address: '',
  desiredDate: '',
  orientation: 'general',
  stayMode: 'full',
  kindergartenIds: [],
  consentOther: false,
  benefitKind: '',
  siblingKindergartenId: '',
  documentId: '',
  documentName: '',
  idempotencyKey: '',
};

/** The age group as the server counts it (the one rule in @contracts/kindergarten-age-group). */
function ageGroup(birth: string, desired: string, rule: QueueRulesResponse['ageRule']): number | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(birth) || !/^\d{4}-\d{2}-\d{2}$/.test(desired)) return null;
  return applicationAgeGroup(birth, desired, rule);
}

/** Today in the parent's own calendar (the date input speaks local days). */
function localToday(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** A privilege stands on its document; the sibling right is checked from the kindergarten's records. */
const needsDocument = (kind: string) =>
  !!kind && kind in BENEFIT_KINDS && BENEFIT_KINDS[kind as BenefitKind].class !== 'sibling';

export function ApplyWizard() {
  const { locale } = useI18n();
  const { user } = useSession();
  const m = messages[locale];
  const navigate = useNavigate();
  const { region } = useRegion();
  const draft = useDraft();
  const submit = useSubmitApplication();
  const [step, setStep] = useState(0);
  const [data, setData] = useState<WizardData>(EMPTY);
  /** What the draft on the server holds: only «saved» once the server has answered. */
  const [saveState, setSaveState] = useState<'idle' | 'saving' | 'saved' | 'failed'>('idle');
  const [desiredError, setDesiredError] = useState('');
  const [documentMissing, setDocumentMissing] = useState(false);
  const [prefilled, setPrefilled] = useState(false);
  const lastSaved = useRef('');
  const [uploadError, setUploadError] = useState<unknown>(null);
  const [kgFilter, setKgFilter] = useState('');
  const [kgView, setKgView] = useState<'list' | 'map'>('list');
  const [added, setAdded] = useState('');
  /** Set when a restored draft listed more kindergartens than the municipality allows. */
  const [trimmed, setTrimmed] = useState<{ had: number; max: number } | null>(null);
  const restored = useRef(false);
  const heading = useRef<HTMLHeadingElement>(null);

  useEffect(() => {
    if (restored.current || !draft.isSuccess) return;
    restored.current = true;
    const d = draft.data.draft;
    const restoredData: WizardData = d
      ? { ...EMPTY, ...(d.data as Partial<WizardData>) }
      : { ...EMPTY, idempotencyKey: crypto.randomUUID() };
    lastSaved.current = d ? JSON.stringify({ step: d.step, data: restoredData }) : '';
    // The signed-in parent's name and e-mail (from Госуслуги) fill the applicant's empty fields,
    // on a first application and on every later one.
    if (user?.kind === 'citizen' && (!restoredData.fullName || !restoredData.email)) {
      if (!restoredData.fullName) restoredData.fullName = user.fullName;
      if (!restoredData.email && user.email) restoredData.email = user.email;
      setPrefilled(true);
    }
    setData(restoredData);
    if (d) setStep(d.step);
  }, [draft.isSuccess, draft.data, user]);

  // Every change is saved a moment after the parent stops typing, on every step: the notice below
  // says «saved» only once the server holds what is on the screen.
  useEffect(() => {
    if (!restored.current) return;
    const snapshot = JSON.stringify({ step, data });
    if (snapshot === lastSaved.current) return;
    setSaveState('saving');
    const timer = window.setTimeout(() => {
      saveDraft(step, data as unknown as Record<string, unknown>).then(
        () => {
          lastSaved.current = snapshot;
          setSaveState((s) => (s === 'saving' ? 'saved' : s));
        },
        () => setSaveState('failed'),
      );
    }, 600);
    return () => window.clearTimeout(timer);
  }, [step, data]);

  const set = <K extends keyof WizardData>(key: K, value: WizardData[K]) =>
    setData((d) => ({ ...d, [key]: value }));
  const municipalityId = data.municipalityId ? Number(data.municipalityId) : null;
  const rules = useQueueRules(municipalityId);
  // Until the rules arrive the regional default applies; a lower local maximum then trims below.
  const maxPreferences = rules.data?.maxPreferences ?? DEFAULT_MAX_PREFERENCES;
  const age = ageGroup(data.birthDate, data.desiredDate, rules.data?.ageRule ?? 'september_first');
  const kindergartens = useKindergartens(municipalityId, age);

  // A draft saved under another maximum (or before the rules loaded) would be refused at submission:
  // keep the first choices that fit and tell the parent, rather than fail at the last step.
  const allowed = rules.data?.maxPreferences;
  useEffect(() => {
    if (allowed === undefined || data.kindergartenIds.length <= allowed) return;
    setTrimmed({ had: data.kindergartenIds.length, max: allowed });
    setData((d) => {
      const kept = d.kindergartenIds.slice(0, allowed);
      const sibling = kept.includes(Number(d.siblingKindergartenId)) ? d.siblingKindergartenId : '';
      return { ...d, kindergartenIds: kept, siblingKindergartenId: sibling };
    });
  }, [allowed, data.kindergartenIds.length]);
  const byId = useMemo(
    () => new Map((kindergartens.data?.items ?? []).map((k) => [k.id, k])),
    [kindergartens.data],
  );
  // Only kindergartens with a group for the child's age (the server refuses the others).
  const forAge = useMemo(
    () =>
      (kindergartens.data?.items ?? []).filter(
        (k) => age === null || k.ageGroups.some((g) => g.ageFrom <= age && age < g.ageTo),
      ),
    [kindergartens.data, age],
  );
  const addKindergarten = (id: number) =>
    setData((d) =>
      d.kindergartenIds.includes(id) || d.kindergartenIds.length >= maxPreferences
        ? d
        : { ...d, kindergartenIds: [...d.kindergartenIds, id] },
    );

  const steps = [m.stepChild, m.stepApplicant, m.stepKindergartens, m.stepBenefits];
  const go = async (next: number) => {
    if (next > step && step === 1 && data.desiredDate && data.desiredDate < localToday()) {
      setDesiredError(fill(m.desiredInPast, { today: localToday() }));
      return;
    }
    setDesiredError('');
    const snapshot = JSON.stringify({ step: next, data });
    setSaveState('saving');
    try {
      await saveDraft(next, data as unknown as Record<string, unknown>);
      lastSaved.current = snapshot;
      setSaveState('saved');
    } catch {
      setSaveState('failed');
    }
    setStep(next);
    heading.current?.focus();
  };

  const onSubmit = () => {
    if (needsDocument(data.benefitKind) && !data.documentId) {
      setDocumentMissing(true);
      return;
    }
    setDocumentMissing(false);
    const kind = data.benefitKind as BenefitKind | '';
    const input: ApplicationInput = {
      municipalityId: Number(data.municipalityId),
      child: {
        lastName: data.lastName,
        firstName: data.firstName,
        ...(data.patronymic ? { patronymic: data.patronymic } : {}),
        birthDate: data.birthDate,
        birthCertificate: data.birthCertificate,
      },
      applicant: {
        fullName: data.fullName,
        ...(data.email ? { email: data.email } : {}),
        ...(data.phone ? { phone: data.phone } : {}),
      },
      address: data.address,
      desiredDate: data.desiredDate,
      kindergartenIds: data.kindergartenIds,
      orientation: data.orientation,
      stayMode: data.stayMode,
      language: 'ru',
      consentOther: data.consentOther,
      benefits: kind
        ? [
            {
              kind,
              documentIds: data.documentId ? [data.documentId] : [],
              ...(kind === 'sibling' && data.siblingKindergartenId
                ? { siblingKindergartenId: Number(data.siblingKindergartenId) }
                : {}),
            },
          ]
        : [],
    };
    submit.mutate(
      { input, key: data.idempotencyKey || crypto.randomUUID() },
      { onSuccess: (app) => void navigate(`/my/applications/${app.id}`) },
    );
  };

  if (draft.isPending) return <Spinner label={m.loading} />;

  const fieldLabels = {
    'child.birthDate': m.birthDate,
    'child.birthCertificate': m.birthCertificate,
    kindergartenIds: m.chosen,
    desiredDate: m.desiredDate,
    'benefits.0.documentIds': m.document,
  };

  return (
    <>
      <PageHeader title={m.wizardTitle} lead={fill(m.step, { n: step + 1, total: steps.length })} />
      <Card>
        <h2 ref={heading} tabIndex={-1}>
          {steps[step]}
        </h2>
        <form
          className={styles.stack}
          onSubmit={(e) => {
            e.preventDefault();
            if (step < steps.length - 1) void go(step + 1);
            else onSubmit();
          }}
        >
          {trimmed && step >= 2 && (
            <Alert tone="warning" title={m.trimmedTitle}>
              {fill(m.trimmed, { max: trimmed.max, had: trimmed.had })}
            </Alert>
          )}
          {step === 0 && (
            <div className={styles.grid2}>
              <TextField
                label={m.lastName}
                required
                value={data.lastName}
                onChange={(e) => set('lastName', e.target.value)}
                autoComplete="off"
              />
              <TextField
                label={m.firstName}
                required
                value={data.firstName}
                onChange={(e) => set('firstName', e.target.value)}
                autoComplete="off"
              />
              <TextField
                label={m.patronymic}
                value={data.patronymic}
                onChange={(e) => set('patronymic', e.target.value)}
                autoComplete="off"
              />
              <TextField
                label={m.birthDate}
                type="date"
                required
                value={data.birthDate}
                onChange={(e) => set('birthDate', e.target.value)}
              />
              <TextField
                label={m.birthCertificate}
                required
                minLength={6}
                value={data.birthCertificate}
                onChange={(e) => set('birthCertificate', e.target.value)}
                autoComplete="off"
              />
            </div>
          )}
          {step === 1 && prefilled && <p className={styles.muted}>{m.prefilled}</p>}
          {step === 1 && (
            <div className={styles.grid2}>
              <TextField
                label={m.fullName}
                required
                value={data.fullName}
                onChange={(e) => set('fullName', e.target.value)}
                autoComplete="name"
              />
              <TextField
                label={m.email}
                type="email"
                value={data.email}
                onChange={(e) => set('email', e.target.value)}
                autoComplete="email"
              />
              <TextField
                label={m.phone}
                type="tel"
                value={data.phone}
                onChange={(e) => set('phone', e.target.value)}
                autoComplete="tel"
              />
              <Select
                label={m.municipality}
                required
                placeholder={m.choose}
                value={data.municipalityId}
                onChange={(e) => {
                  // Kindergartens belong to one municipality: another one starts the list anew.
                  setTrimmed(null);
                  setData((d) => ({ ...d, municipalityId: e.target.value, kindergartenIds: [] }));
                }}
                options={(region?.municipalities ?? []).map((mu) => ({
                  value: String(mu.id),
                  label: locale === 'en' ? mu.nameEn : mu.nameRu,
                }))}
              />
              <TextField
                label={m.address}
                required
                minLength={5}
                value={data.address}
                onChange={(e) => set('address', e.target.value)}
                autoComplete="street-address"
              />
              <TextField
                label={m.desiredDate}
                type="date"
                required
                min={localToday()}
                error={desiredError || undefined}
                value={data.desiredDate}
                // The browser's own bubble would speak its language: the wizard says it in the page's.
                onInvalid={(e) => {
                  if (!e.currentTarget.validity.rangeUnderflow) return;
                  e.preventDefault();
                  setDesiredError(fill(m.desiredInPast, { today: localToday() }));
                }}
                onChange={(e) => {
                  setDesiredError('');
                  set('desiredDate', e.target.value);
                }}
              />
              <Select
                label={m.orientation}
                value={data.orientation}
                onChange={(e) => set('orientation', e.target.value as WizardData['orientation'])}
                options={Object.entries(m.orientations).map(([value, label]) => ({ value, label }))}
              />
              <Select
                label={m.stayMode}
                value={data.stayMode}
                onChange={(e) => set('stayMode', e.target.value as WizardData['stayMode'])}
                options={Object.entries(m.stayModes).map(([value, label]) => ({ value, label }))}
              />
            </div>
          )}
          {step === 2 && (
            <div className={styles.stack}>
              <p className={styles.muted} data-testid="queue-rules">
                {rules.data
                  ? `${fill(m.kindergartensHint, { max: rules.data.maxPreferences })} ${
                      rules.data.ageRule === 'desired_date' ? m.ageOnDesiredDate : m.ageOnSeptemberFirst
                    }`
                  : m.kindergartensOrderHint}
              </p>
              <section aria-labelledby="chosen-heading">
                <h3 id="chosen-heading">{m.chosen}</h3>
                {data.kindergartenIds.length === 0 && <p className={styles.muted}>{m.noneChosen}</p>}
                <ol className={styles.list}>
                  {data.kindergartenIds.map((id, i) => (
                    <li key={id} className={styles.item}>
                      <span>{byId.get(id)?.nameRu ?? `#${id}`}</span>
                      <div className={styles.actions}>
                        {i > 0 && (
                          <Button
                            type="button"
                            size="small"
                            variant="outline"
                            onClick={() => {
                              const next = [...data.kindergartenIds];
                              [next[i - 1], next[i]] = [next[i]!, next[i - 1]!];
                              set('kindergartenIds', next);
                            }}
                          >
                            {m.up}
                          </Button>
                        )}
                        <Button
                          type="button"
                          size="small"
                          variant="ghost"
                          onClick={() =>
                            set(
                              'kindergartenIds',
                              data.kindergartenIds.filter((x) => x !== id),
                            )
                          }
                        >
                          {m.remove}
                        </Button>
                      </div>
                    </li>
                  ))}
                </ol>
              </section>
              <div className={styles.toggle} role="group" aria-label={m.pickHow}>
                {(['list', 'map'] as const).map((view) => (
                  <Button
                    key={view}
                    size="small"
                    variant={kgView === view ? 'secondary' : 'outline'}
                    aria-pressed={kgView === view}
                    onClick={() => {
                      setKgView(view);
                      setAdded('');
                    }}
                  >
                    {view === 'list' ? m.pickList : m.pickMap}
                  </Button>
                ))}
              </div>
              {kindergartens.isPending && <Spinner label={m.loading} />}
              <p className={`${styles.muted} ${styles.status}`} role="status">
                {added}
              </p>
              {kgView === 'map' && (
                <KindergartenChoiceMap
                  kindergartens={forAge}
                  chosen={data.kindergartenIds}
                  max={maxPreferences}
                  onAdd={(id) => {
                    addKindergarten(id);
                    const k = byId.get(id);
                    setAdded(
                      fill(m.addedToList, {
                        name: (locale === 'en' && k?.nameEn) || k?.nameRu || `#${id}`,
                        n: Math.min(data.kindergartenIds.length + 1, maxPreferences),
                        max: maxPreferences,
                      }),
                    );
                  }}
                />
              )}
              {kgView === 'list' && (
                <>
                  <TextField
                    label={m.kindergartenSearch}
                    type="search"
                    value={kgFilter}
                    onChange={(e) => setKgFilter(e.target.value)}
                  />
                  <ul className={styles.list} aria-label={m.stepKindergartens}>
                    {forAge
                      .filter((k) => !data.kindergartenIds.includes(k.id))
                      .filter(
                        (k) =>
                          !kgFilter ||
                          `${k.nameRu} ${k.address}`.toLowerCase().includes(kgFilter.toLowerCase()),
                      )
                      // A short list on a phone: the search narrows it down.
                      .slice(0, 12)
                      .map((k) => (
                        <li key={k.id} className={styles.item}>
                          <strong>{locale === 'en' && k.nameEn ? k.nameEn : k.nameRu}</strong>
                          <span className={styles.muted}>
                            {k.address} · {fill(m.free, { n: k.freeForAge ?? k.freePlaces })} ·{' '}
                            {fill(m.applicants, { n: k.applicantsAny })}
                          </span>
                          <div>
                            <Button
                              type="button"
                              size="small"
                              variant="outline"
                              disabled={data.kindergartenIds.length >= maxPreferences}
                              onClick={() => addKindergarten(k.id)}
                              aria-label={`${m.add}: ${k.nameRu}`}
                            >
                              {m.add}
                            </Button>
                          </div>
                        </li>
                      ))}
                  </ul>
                </>
              )}
              <Checkbox
                label={m.consentOther}
                checked={data.consentOther}
                onChange={(e) => set('consentOther', e.target.checked)}
              />
            </div>
          )}
          {step === 3 && (
            <div className={styles.stack}>
              <Select
                label={m.benefit}
                value={data.benefitKind}
                onChange={(e) => set('benefitKind', e.target.value)}
                options={[
                  { value: '', label: m.noBenefit },
                  ...Object.entries(BENEFIT_KINDS).map(([value, b]) => ({
                    value,
                    label: locale === 'en' ? b.en : b.ru,
                  })),
                ]}
              />
              {data.benefitKind === 'sibling' && (
                <Select
                  label={m.siblingKindergarten}
                  required
                  placeholder={m.choose}
                  value={data.siblingKindergartenId}
                  onChange={(e) => set('siblingKindergartenId', e.target.value)}
                  options={data.kindergartenIds.map((id) => ({
                    value: String(id),
                    label: byId.get(id)?.nameRu ?? `#${id}`,
                  }))}
                />
              )}
              {data.benefitKind && (
                <div className={styles.stack}>
                  <label htmlFor="benefit-document">{m.document}</label>
                  <input
                    id="benefit-document"
                    type="file"
                    accept="application/pdf,image/jpeg,image/png"
                    onChange={(e) => {
                      const file = e.target.files?.[0];
                      if (!file) return;
                      setUploadError(null);
                      uploadDocument(file)
                        .then((f) => {
                          setDocumentMissing(false);
                          setData((d) => ({ ...d, documentId: f.id, documentName: f.fileName }));
                        })
                        .catch(setUploadError);
                    }}
                  />
                  {data.documentName && (
                    <p className={styles.muted}>{fill(m.uploaded, { name: data.documentName })}</p>
                  )}
                  {uploadError ? <ProblemAlert error={uploadError} /> : null}
                  {documentMissing && needsDocument(data.benefitKind) && !data.documentId && (
                    <Alert tone="danger" title={m.documentMissingTitle}>
                      <p>{m.documentMissing}</p>
                    </Alert>
                  )}
                </div>
              )}
              {submit.isError &&
                (isApiError(submit.error) && submit.error.code === 'certificate-in-use' ? (
                  <Alert tone="danger" title={m.certificateInUseTitle}>
                    <p>{m.certificateInUse}</p>
                  </Alert>
                ) : (
                  <ProblemAlert error={submit.error} fieldLabels={fieldLabels} />
                ))}
            </div>
          )}
          <p className={styles.muted} role="status" data-testid="draft-state">
            {saveState === 'saved'
              ? m.draftSaved
              : saveState === 'saving'
                ? m.draftSaving
                : saveState === 'failed'
                  ? m.draftNotSaved
                  : ''}
          </p>
          {step === 2 && data.kindergartenIds.length === 0 && <Alert tone="info">{m.noneChosen}</Alert>}
          <div className={styles.actions}>
            {step > 0 && (
              <Button type="button" variant="outline" onClick={() => void go(step - 1)}>
                {m.back}
              </Button>
            )}
            <Button
              type="submit"
              disabled={(step === 2 && data.kindergartenIds.length === 0) || submit.isPending}
            >
              {step < steps.length - 1 ? m.next : submit.isPending ? m.submitting : m.submit}
            </Button>
          </div>
        </form>
      </Card>
    </>
  );
}
