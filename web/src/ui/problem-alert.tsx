import type { ReactNode } from 'react';
import { isApiError, type ApiError } from '../api/api-error';
import { useT } from '../i18n/i18n-context';
import type { MessageKey } from '../i18n/messages';
import { Alert } from './alert';

/** A localized headline for a failed request; the server's own `detail` is shown under it. */
export function problemMessageKey(error: unknown): MessageKey {
  if (!isApiError(error)) return 'problem.generic';
  if (error.isNetwork) return 'problem.network';
  if (error.code === 'csrf') return 'problem.csrf';
  switch (error.status) {
    case 400:
    case 422:
      return 'problem.validation';
    case 401:
      return 'problem.unauthorized';
    case 403:
      return 'problem.forbidden';
    case 404:
      return 'problem.notFound';
    case 429:
      return 'problem.rateLimited';
    case 502:
    case 503:
    case 504:
      return 'problem.unavailable';
    default:
      return error.status >= 500 ? 'problem.internal' : 'problem.generic';
  }
}

export interface ProblemAlertProps {
  error: unknown;
  /** Overrides the headline (e.g. «Неверный логин или пароль» for a 401 on sign-in). */
  title?: string;
  /** Human names of fields, keyed by API field name (`login`, `child.birthDate`…). */
  fieldLabels?: Record<string, string>;
  actions?: ReactNode;
  /** Hide the server's detail when the headline already says everything. */
  hideDetail?: boolean;
}

/** Shows an API error politely: what happened, the server's explanation, which fields to fix. */
export function ProblemAlert({ error, title, fieldLabels = {}, actions, hideDetail }: ProblemAlertProps) {
  const t = useT();
  if (!error) return null;
  const apiError: ApiError | null = isApiError(error) ? error : null;
  const problem = apiError?.problem;
  const fields = problem?.errors ?? [];
  const detail = !hideDetail && problem?.detail && fields.length === 0 ? problem.detail : null;
  return (
    <Alert tone="danger" title={title ?? t(problemMessageKey(error))} actions={actions}>
      {detail && <p>{detail}</p>}
      {fields.length > 0 && (
        <>
          <p>{t('problem.fields')}</p>
          <ul>
            {fields.map((f, i) => {
              const name = f.field.replace(/^(body|query|params|querystring)\./, '');
              return (
                <li key={`${f.field}-${i}`}>
                  <strong>{fieldLabels[name] ?? name}</strong>: {f.message}
                  {f.expected ? ` (${f.expected})` : ''}
                </li>
              );
            })}
          </ul>
        </>
      )}
      {problem?.requestId && apiError && apiError.status >= 500 && (
        <p>
          <small>{t('problem.requestId', { id: problem.requestId })}</small>
        </p>
      )}
    </Alert>
  );
}
