/** RFC 9457 problem details, the one error shape of the API. */
export interface FieldProblem {
  field: string;
  message: string;
  expected?: string;
}

export interface ProblemBody {
  type: string;
  title: string;
  status: number;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldProblem[];
  [extension: string]: unknown;
}

/** An error a service throws on purpose; the error handler turns it into problem+json. */
export class HttpProblem extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: { errors?: FieldProblem[]; [k: string]: unknown } = {},
  ) {
    super(message);
  }
}

export const badRequest = (message: string, errors?: FieldProblem[]) =>
  new HttpProblem(400, 'bad-request', message, { errors });
export const invalidField = (field: string, message: string, expected?: string) =>
  new HttpProblem(422, 'invalid-field', message, { errors: [{ field, message, expected }] });
export const unauthorized = (message = 'Sign in to continue.') =>
  new HttpProblem(401, 'unauthorized', message);
export const forbidden = (message = 'You may not do this.') => new HttpProblem(403, 'forbidden', message);
export const notFound = (what: string) => new HttpProblem(404, 'not-found', `${what} not found.`);
export const conflict = (message: string, extra: Record<string, unknown> = {}) =>
  new HttpProblem(409, 'conflict', message, extra);

export const PROBLEM_TYPE_BASE = 'https://open-region.github.io/problems/';
