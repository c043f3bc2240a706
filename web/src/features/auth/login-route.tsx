import { useEffect, useRef, useState, type FormEvent, type RefObject } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { isApiError, type ApiError } from '../../api/api-error';
import type { RegionResponse, Role } from '../../api/contracts';
import { homeForRoles } from '../../app/navigation';
import { useI18n, type I18n } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button, LinkButton } from '../../ui/button';
import { Card } from '../../ui/card';
import { LockIcon, UserIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Table } from '../../ui/table';
import { TextField } from '../../ui/text-field';
import { useRegion } from '../region/region';
import styles from './login.module.css';
import { oidcStartUrl, safeReturnTo, useLogin, useSession } from './session';
import { messages } from './messages';

type DemoLogin = RegionResponse['demoLogins'][number];

/** Why the Госуслуги sign-in came back refused (`/login?error=…`, set by the OIDC callback). */
const OIDC_ERRORS: Record<string, MessageKey> = {
  'oidc-browser': 'login.oidcError.browser',
  'oidc-state': 'login.oidcError.expired',
  'oidc-exchange': 'login.oidcError.other',
  'oidc-provider': 'login.oidcError.provider',
};
type Step = 'credentials' | 'totp';
type FieldErrors = Partial<Record<'login' | 'password' | 'totp', string>>;

export function Component() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const returnTo = params.get('returnTo');
  const signInError = params.get('error');
  const { user, demoMode } = useSession();
  const { region } = useRegion();

  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [filledNotice, setFilledNotice] = useState(false);
  const staffForm = useRef<HTMLFormElement>(null);

  const fillDemo = (row: DemoLogin) => {
    setLogin(row.login);
    setPassword(row.password);
    setFilledNotice(true);
    staffForm.current?.scrollIntoView({ block: 'center' });
    staffForm.current
      ?.querySelector<HTMLButtonElement>('button[type=submit]')
      ?.focus({ preventScroll: true });
  };

  const demoLogins = demoMode ? (region?.demoLogins ?? []) : [];

  return (
    <>
      <PageHeader title={t('login.title')} lead={t('login.lead')} />

      {signInError && (
        <Alert tone="danger" className={styles.signedIn} title={t('login.oidcError.title')}>
          {t(OIDC_ERRORS[signInError] ?? 'login.oidcError.other')}
        </Alert>
      )}

      {user && (
        <Alert tone="info" className={styles.signedIn} live="none">
          {t('login.alreadySignedIn', { name: user.fullName })}{' '}
          <Link to="/account">{t('login.toAccount')}</Link>
        </Alert>
      )}

      <div className={styles.grid}>
        <Card title={t('login.citizens.title')} icon={<UserIcon />}>
          <p className={styles.text}>{t('login.citizens.text')}</p>
          <LinkButton href={oidcStartUrl(safeReturnTo(returnTo, '/my'))} block className={styles.gosuslugi}>
            {t('login.citizens.button')}
          </LinkButton>
          {demoMode && <p className={styles.note}>{t('login.citizens.demoNote')}</p>}
        </Card>

        <Card title={t('login.staff.title')} icon={<LockIcon />}>
          <p className={styles.text}>{t('login.staff.text')}</p>
          <StaffLoginForm
            formRef={staffForm}
            login={login}
            password={password}
            onLoginChange={setLogin}
            onPasswordChange={setPassword}
            returnTo={returnTo}
          />
          {filledNotice && (
            <p role="status" className={styles.note}>
              {t('login.demo.filled')}
            </p>
          )}
        </Card>
      </div>

      {demoLogins.length > 0 && (
        <section aria-labelledby="demo-title" className={styles.demo}>
          <h2 id="demo-title">{t('login.demo.title')}</h2>
          <p className={styles.text}>{t('login.demo.text')}</p>
          <DemoLogins rows={demoLogins} onFill={fillDemo} />
        </section>
      )}
    </>
  );
}

interface StaffLoginFormProps {
  formRef: RefObject<HTMLFormElement | null>;
  login: string;
  password: string;
  onLoginChange: (value: string) => void;
  onPasswordChange: (value: string) => void;
  returnTo: string | null;
}

function StaffLoginForm({
  formRef,
  login,
  password,
  onLoginChange,
  onPasswordChange,
  returnTo,
}: StaffLoginFormProps) {
  const { t, formatDate } = useI18n();
  const navigate = useNavigate();
  const mutation = useLogin();
  const [step, setStep] = useState<Step>('credentials');
  const [totp, setTotp] = useState('');
  const [errors, setErrors] = useState<FieldErrors>({});
  const loginInput = useRef<HTMLInputElement>(null);
  const passwordInput = useRef<HTMLInputElement>(null);
  const totpInput = useRef<HTMLInputElement>(null);

  const error = mutation.error;
  const apiError = isApiError(error) ? error : null;
  const totpRequired = apiError?.status === 401 && apiError.code === 'totp-required';
  const serverFieldErrors = apiError?.fieldErrors() ?? {};
  const waiting = useSignInWait(apiError);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    const next: FieldErrors = {};
    if (step === 'credentials') {
      if (!login.trim()) next.login = t('login.required.login');
      if (!password) next.password = t('login.required.password');
    } else if (!/^\d{6}$/.test(totp)) {
      next.totp = t('login.totp.format');
    }
    setErrors(next);
    if (next.login) return loginInput.current?.focus();
    if (next.password) return passwordInput.current?.focus();
    if (next.totp) return totpInput.current?.focus();

    mutation.mutate(
      { login: login.trim(), password, ...(step === 'totp' ? { totp } : {}) },
      {
        onSuccess: (session) => {
          const roles = new Set<Role>(session.user?.grants.map((g) => g.role) ?? []);
          void navigate(safeReturnTo(returnTo, homeForRoles(roles)), { replace: true });
        },
        onError: (err) => {
          if (isApiError(err) && err.status === 401 && err.code === 'totp-required') {
            setStep('totp');
            setTotp('');
            // Wait for the code field to render, then put the cursor in it.
            requestAnimationFrame(() => totpInput.current?.focus());
          } else if (step === 'totp') {
            totpInput.current?.select();
          }
        },
      },
    );
  };

  const backToCredentials = () => {
    setStep('credentials');
    setTotp('');
    setErrors({});
    mutation.reset();
    requestAnimationFrame(() => passwordInput.current?.focus());
  };

  const problemTitle = signInProblemTitle(apiError, step, totpRequired, t, formatDate);

  return (
    <form ref={formRef} className={styles.form} onSubmit={onSubmit} noValidate>
      {error && !totpRequired && (
        <ProblemAlert
          error={error}
          title={problemTitle}
          hideDetail={apiError?.status === 401 || apiError?.status === 429}
          fieldLabels={{
            login: t('login.field.login'),
            password: t('login.field.password'),
            totp: t('login.totp.field'),
          }}
        />
      )}

      {step === 'credentials' ? (
        <>
          <TextField
            ref={loginInput}
            label={t('login.field.login')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            value={login}
            onChange={(e) => onLoginChange(e.target.value)}
            error={errors.login ?? serverFieldErrors.login}
          />
          <TextField
            ref={passwordInput}
            label={t('login.field.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => onPasswordChange(e.target.value)}
            error={errors.password ?? serverFieldErrors.password}
          />
          <Button type="submit" block loading={mutation.isPending} disabled={waiting}>
            {mutation.isPending ? t('login.submitting') : t('login.submit')}
          </Button>
        </>
      ) : (
        <>
          <div className={styles.totpIntro}>
            <Badge tone="info">{t('login.totp.title')}</Badge>
            <p>{t('login.totp.text', { login: login.trim() })}</p>
          </div>
          <TextField
            ref={totpInput}
            label={t('login.totp.field')}
            hint={t('login.totp.hint')}
            name="totp"
            inputMode="numeric"
            autoComplete="one-time-code"
            maxLength={6}
            className={styles.totpField}
            value={totp}
            onChange={(e) => setTotp(e.target.value.replace(/\D/g, '').slice(0, 6))}
            error={errors.totp ?? serverFieldErrors.totp}
          />
          <div className={styles.actions}>
            <Button type="submit" loading={mutation.isPending}>
              {t('login.totp.submit')}
            </Button>
            <Button variant="ghost" onClick={backToCredentials}>
              {t('login.totp.back')}
            </Button>
          </div>
        </>
      )}
    </form>
  );
}

/** One sign-in per role up front; the many heads and officers of other places fold away (phones). */
function DemoLogins({ rows, onFill }: { rows: readonly DemoLogin[]; onFill: (row: DemoLogin) => void }) {
  const { locale } = useI18n();
  const seen = new Set<string>();
  const first: DemoLogin[] = [];
  const more: DemoLogin[] = [];
  for (const row of rows) {
    (seen.has(row.role) ? more : first).push(row);
    seen.add(row.role);
  }
  return (
    <>
      <DemoLoginsTable rows={first} onFill={onFill} />
      {more.length > 0 && (
        <details className={styles.more}>
          <summary>{messages[locale].moreDemoLogins.replace('{count}', String(more.length))}</summary>
          <DemoLoginsTable rows={more} onFill={onFill} />
        </details>
      )}
    </>
  );
}

function DemoLoginsTable({ rows, onFill }: { rows: readonly DemoLogin[]; onFill: (row: DemoLogin) => void }) {
  const { t } = useI18n();
  return (
    <Table
      caption={t('login.demo.caption')}
      captionHidden
      stackOnMobile
      rows={rows}
      rowKey={(row) => row.login}
      columns={[
        { id: 'role', header: t('login.demo.role'), rowHeader: true, cell: (row) => t(`roles.${row.role}`) },
        { id: 'description', header: t('login.demo.description'), cell: (row) => row.description },
        {
          id: 'login',
          header: t('login.demo.login'),
          cell: (row) => <code className={styles.code}>{row.login}</code>,
        },
        {
          id: 'password',
          header: t('login.demo.password'),
          cell: (row) => <code className={styles.code}>{row.password}</code>,
        },
        {
          id: 'action',
          header: t('login.demo.action'),
          hideLabelWhenStacked: true,
          cell: (row) =>
            row.role === 'citizen' ? (
              <span className={styles.note}>{t('login.demo.viaGosuslugi')}</span>
            ) : (
              <Button
                size="small"
                variant="secondary"
                onClick={() => onFill(row)}
                aria-label={t('login.demo.fillLabel', { login: row.login })}
              >
                {t('login.demo.fill')}
              </Button>
            ),
        },
      ]}
    />
  );
}

/** The sign-in refusals a person can act on, said in their language (the server's detail is English). */
function signInProblemTitle(
  apiError: ApiError | null,
  step: Step,
  totpRequired: boolean,
  t: I18n['t'],
  formatDate: I18n['formatDate'],
): string | undefined {
  if (!apiError || totpRequired) return undefined;
  const problem = apiError.problem as ApiError['problem'] & { retryAfter?: number; lockedUntil?: string };
  if (apiError.status === 429 && problem.type.endsWith('sign-in-locked') && problem.lockedUntil)
    return t('login.locked', {
      time: formatDate(problem.lockedUntil, { hour: '2-digit', minute: '2-digit' }),
    });
  if (apiError.status === 429 && problem.type.endsWith('sign-in-delayed'))
    return t('login.delayed', { seconds: problem.retryAfter ?? 1 });
  if (apiError.status !== 401) return undefined;
  if (problem.type.endsWith('totp-reused')) return t('login.totp.reused');
  return step === 'totp' ? t('login.totp.invalid') : t('login.invalidCredentials');
}

/** While the server makes this login wait (429 sign-in-delayed), the submit button rests too. */
function useSignInWait(apiError: ApiError | null): boolean {
  const [waiting, setWaiting] = useState(false);
  const retryAfter =
    apiError?.status === 429 && apiError.problem.type.endsWith('sign-in-delayed')
      ? ((apiError.problem as { retryAfter?: number }).retryAfter ?? 1)
      : 0;
  useEffect(() => {
    if (!retryAfter) return;
    setWaiting(true);
    const timer = setTimeout(() => setWaiting(false), retryAfter * 1000);
    return () => clearTimeout(timer);
  }, [apiError, retryAfter]);
  return waiting && retryAfter > 0;
}
