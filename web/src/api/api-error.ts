/** One problem with one field, as the API reports it (RFC 9457 extension `errors`). */
export interface FieldProblem {
  field: string;
  message: string;
  expected?: string;
}

/** RFC 9457 problem details, the one error shape of the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
}

/**
 * Every failed request becomes an ApiError: `status` 0 means the server was not reached at all
 * (offline, server down, proxy failure), otherwise `problem` holds the server's problem+json (or a
 * synthesized one when the body was not problem+json, e.g. an HTML error page from a proxy).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly problem: Problem,
  ) {
    super(problem.detail ?? problem.title);
    this.name = 'ApiError';
  }

  /** The last segment of the problem type URI: `…/problems/totp-required` → `totp-required`. */
  get code(): string {
    const type = this.problem.type;
    return type.slice(type.lastIndexOf('/') + 1);
  }

  get isNetwork(): boolean {
    return this.status === 0;
  }

  /** Field errors by field name, without the `body.`/`query.` prefix the validator adds. */
  fieldErrors(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const e of this.problem.errors ?? []) {
      const field = e.field.replace(/^(body|query|params|querystring)\./, '');
      out[field] ??= e.message;
    }
    return out;
  }
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
