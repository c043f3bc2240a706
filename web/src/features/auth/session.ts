import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { safeReturnPath } from '@contracts/return-path';
import { api, rememberCsrfToken } from '../../api/api-client';
import { isApiError } from '../../api/api-error';
import type { LoginRequest, Role, SessionResponse, SessionUser } from '../../api/contracts';

export const sessionQueryKey = ['auth', 'session'] as const;

const SIGNED_OUT: SessionResponse = { user: null, csrfToken: null, demoMode: false };

async function fetchSession(signal: AbortSignal): Promise<SessionResponse> {
  const session = await api.get<SessionResponse>('/api/auth/session', signal);
  rememberCsrfToken(session.csrfToken);
  return session;
}

/** The signed-in user (or null), the CSRF token and whether the server runs in demo mode. */
export function useSession() {
  const query = useQuery({
    queryKey: sessionQueryKey,
    queryFn: ({ signal }) => fetchSession(signal),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
    // Guards wait for this answer: fail fast when the server is down rather than keep the page blank.
    retry: (failureCount, error) =>
      !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 1,
    retryDelay: 800,
  });
  const session = query.data ?? SIGNED_OUT;
  return {
    ...query,
    user: session.user,
    demoMode: session.demoMode,
    /** True until the first answer (or failure): guards wait instead of redirecting. */
    isResolving: query.isPending,
  };
}

export function hasAnyRole(user: SessionUser | null, roles: readonly Role[]): boolean {
  return !!user && user.grants.some((g) => roles.includes(g.role));
}

function applySession(queryClient: QueryClient, session: SessionResponse): void {
  rememberCsrfToken(session.csrfToken);
  queryClient.setQueryData(sessionQueryKey, session);
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post<SessionResponse>('/api/auth/login', body),
    onSuccess: (session) => {
      // Whatever was cached for the previous visitor must not leak into this session.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'region' && q.queryKey[0] !== 'auth' });
      applySession(queryClient, session);
    },
  });
}

export interface SignOutOptions {
  /** Runs before the session is cleared, e.g. to leave a page that needs one (no detour via /login). */
  onSignedOut?: () => void;
}

function useSignOut(path: '/api/auth/logout' | '/api/auth/logout-all', options: SignOutOptions = {}) {
  const queryClient = useQueryClient();
  const { onSignedOut } = options;
  const clear = (session: SessionResponse | undefined) => {
    onSignedOut?.();
    queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== 'region' && q.queryKey[0] !== 'auth' });
    const previous = queryClient.getQueryData<SessionResponse>(sessionQueryKey);
    applySession(
      queryClient,
      session && 'user' in session ? session : { ...SIGNED_OUT, demoMode: previous?.demoMode ?? false },
    );
    void queryClient.invalidateQueries({ queryKey: sessionQueryKey });
  };
  return useMutation({
    mutationFn: () => api.post<SessionResponse | undefined>(path),
    onSuccess: clear,
    // Already signed out on the server (expired session): the local state just catches up.
    onError: (error) => {
      if (isApiError(error) && error.status === 401) clear(undefined);
    },
  });
}

export const useLogout = (options?: SignOutOptions) => useSignOut('/api/auth/logout', options);
export const useLogoutAll = (options?: SignOutOptions) => useSignOut('/api/auth/logout-all', options);

/** Only same-site paths are accepted as a return address (no open redirects), the API's own rule. */
export function safeReturnTo(value: string | null | undefined, fallback = '/'): string {
  if (value?.startsWith('/login')) return fallback;
  return safeReturnPath(value, fallback);
}

export function oidcStartUrl(returnTo: string): string {
  return `/api/auth/oidc/start?${new URLSearchParams({ returnTo }).toString()}`;
}
