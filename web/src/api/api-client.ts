import { getCurrentLocale } from '../i18n/i18n-provider';
import { ApiError, type Problem } from './api-error';

/**
 * The one way the web app talks to the API: same origin, cookies, JSON in and out, problem+json errors,
 * and the CSRF token sent on every write. The token comes from GET /api/auth/session (and the login
 * response); `rememberCsrfToken` is called wherever a SessionResponse arrives.
 */
let csrfToken: string | null = null;

export function rememberCsrfToken(token: string | null): void {
  csrfToken = token;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  /** Serialized as JSON unless it is FormData. */
  body?: unknown;
  signal?: AbortSignal;
  headers?: Record<string, string>;
}

function networkProblem(path: string): Problem {
  return { type: 'about:blank#network', title: 'Network error', status: 0, instance: path };
}

async function readProblem(response: Response, path: string): Promise<Problem> {
  const type = response.headers.get('content-type') ?? '';
  if (type.includes('json')) {
    try {
      const body = (await response.json()) as Partial<Problem>;
      if (body && typeof body === 'object' && typeof body.type === 'string') {
        return {
          ...body,
          type: body.type,
          title: body.title ?? response.statusText,
          status: response.status,
        };
      }
    } catch {
      // Fall through to a synthesized problem.
    }
  }
  const code = response.status >= 500 ? 'unavailable' : 'http-error';
  return { type: `about:blank#${code}`, title: response.statusText, status: response.status, instance: path };
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = {
    Accept: 'application/json, application/problem+json',
    'Accept-Language': getCurrentLocale(),
    ...options.headers,
  };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) {
    body = options.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  if (!SAFE_METHODS.has(method) && csrfToken) headers['X-CSRF-Token'] = csrfToken;
  try {
    return await fetch(path, { method, headers, body, credentials: 'same-origin', signal: options.signal });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, networkProblem(path));
  }
}

/** Re-reads the session to pick up a fresh CSRF token (after a server restart or a new sign-in elsewhere). */
async function refreshCsrfToken(): Promise<boolean> {
  const response = await send('/api/auth/session', {});
  if (!response.ok) return false;
  const session = (await response.json()) as { csrfToken: string | null };
  rememberCsrfToken(session.csrfToken);
  return session.csrfToken !== null;
}

export async function apiRequest<T>(path: string, options: RequestOptions = {}): Promise<T> {
  let response = await send(path, options);
  if (response.status === 403 && !SAFE_METHODS.has(options.method ?? 'GET')) {
    const problem = await readProblem(response.clone(), path);
    // A stale token: fetch the current one and try once more.
    if (problem.type.endsWith('/csrf') && (await refreshCsrfToken())) response = await send(path, options);
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response, path));
  if (response.status === 204 || response.headers.get('content-length') === '0') return undefined as T;
  const type = response.headers.get('content-type') ?? '';
  if (!type.includes('json')) return undefined as T;
  return (await response.json()) as T;
}

export const api = {
  get: <T>(path: string, signal?: AbortSignal) => apiRequest<T>(path, { signal }),
  post: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'POST', body }),
  put: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PUT', body }),
  patch: <T>(path: string, body?: unknown) => apiRequest<T>(path, { method: 'PATCH', body }),
  delete: <T>(path: string) => apiRequest<T>(path, { method: 'DELETE' }),
};
