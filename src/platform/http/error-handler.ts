import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { HttpProblem, PROBLEM_TYPE_BASE, type FieldProblem, type ProblemBody } from './problem.js';

const TITLES: Record<number, string> = {
  400: 'Bad request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not found',
  405: 'Method not allowed',
  406: 'Not acceptable',
  409: 'Conflict',
  410: 'Gone',
  413: 'Payload too large',
  414: 'URI too long',
  415: 'Unsupported media type',
  422: 'Unprocessable content',
  429: 'Too many requests',
  500: 'Internal server error',
  503: 'Service unavailable',
};

function fieldPath(instancePath: string, where: string): string {
  const path = instancePath.replace(/^\//, '').replaceAll('/', '.');
  return path ? `${where}.${path}` : where;
}

/**
 * Errors the router raises before any route runs (a malformed URL, a parameter over the length
 * limit) get the same problem+json shape.
 */
export function frameworkProblem(error: FastifyError, request: FastifyRequest, reply: FastifyReply): void {
  const status =
    error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
  const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
  const body: ProblemBody = {
    type: `${PROBLEM_TYPE_BASE}${tooLong ? 'param-too-long' : 'bad-url'}`,
    title: TITLES[status] ?? 'Bad request',
    status,
    detail: tooLong ? 'A path parameter is too long.' : 'The address is malformed.',
    instance: request.url.split('?')[0]?.slice(0, 200),
    requestId: request.id,
  };
  void reply.status(status).type('application/problem+json').send(body);
}

export interface ErrorHandlerOptions {
  /**
   * Whether the shared store (Redis) is down: then an unexpected error is most likely its failing
   * rate-limit count, and the answer is 503 (come back later), not 500 (a bug of ours).
   */
  sharedStoreDown?: () => boolean;
}

/** Maps every failure to RFC 9457 problem+json: which field, what is expected, never a stack trace. */
export function installErrorHandler(app: FastifyInstance, options: ErrorHandlerOptions = {}): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    let status = 500;
    let code = 'internal';
    let detail = 'Something went wrong on our side. Try again later.';
    let errors: FieldProblem[] | undefined;
    let extra: Record<string, unknown> = {};

    if (hasZodFastifySchemaValidationErrors(error)) {
      status = 400;
      code = 'validation';
      const where = error.validationContext ?? 'body';
      errors = error.validation.map((v) => ({
        field: fieldPath(v.instancePath, where),
        message: v.message ?? 'is invalid',
        expected: describeExpected(v.params),
      }));
      detail = `Invalid ${where}: ${errors.map((e) => `${e.field} ${e.message}`).join('; ')}`;
    } else if (error instanceof HttpProblem) {
      status = error.status;
      code = error.code;
      detail = error.message;
      const { errors: fieldErrors, ...rest } = error.extra;
      errors = fieldErrors;
      extra = rest;
    } else if (isResponseSerializationError(error)) {
      request.log.error({ err: error }, 'response did not match its schema');
    } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
      status = error.statusCode;
      code = (error.code ?? 'client-error').toLowerCase();
      detail = error.message;
    } else if ((error as { code?: string }).code === '23505') {
      status = 409;
      code = 'duplicate';
      detail = 'This record already exists.';
    } else if (databaseInputProblem(error)) {
      // A safety net: the route's schema should have refused this input with the field's name.
      ({ status, code, detail } = databaseInputProblem(error)!);
      request.log.warn({ err: error }, 'input refused by the database, not by the route schema');
    } else if (options.sharedStoreDown?.()) {
      status = 503;
      code = 'shared-store-unavailable';
      detail = 'The service is briefly unavailable. Try again in a minute.';
      request.log.error({ err: error }, 'request failed while the shared store (Redis) is down');
    } else {
      request.log.error({ err: error }, 'unhandled error');
    }

    const body: ProblemBody = {
      type: `${PROBLEM_TYPE_BASE}${code}`,
      title: TITLES[status] ?? 'Error',
      status,
      detail,
      instance: request.url.split('?')[0],
      requestId: request.id,
      ...(errors ? { errors } : {}),
      ...extra,
    };
    // A problem may say when to come back (a locked sign-in); otherwise a minute.
    if (status === 429 || status === 503)
      reply.header('retry-after', typeof extra.retryAfter === 'number' ? String(extra.retryAfter) : '60');
    return reply.status(status).type('application/problem+json').send(body);
  });
}

function describeExpected(params: unknown): string | undefined {
  if (!params || typeof params !== 'object') return undefined;
  const issue = params as { expected?: unknown; values?: unknown[]; minimum?: unknown; maximum?: unknown };
  if (Array.isArray(issue.values)) return `one of ${issue.values.map(String).join(', ')}`;
  if (issue.expected) return String(issue.expected);
  if (issue.minimum !== undefined) return `>= ${String(issue.minimum)}`;
  if (issue.maximum !== undefined) return `<= ${String(issue.maximum)}`;
  return undefined;
}

// SQLSTATE classes caused by the input rather than by the server: data exceptions and integrity rules.
function databaseInputProblem(error: unknown): { status: number; code: string; detail: string } | null {
  const e = error as { code?: unknown; constraint?: unknown };
  if (typeof e.code !== 'string' || !/^[0-9A-Z]{5}$/.test(e.code)) return null;
  if (e.code.startsWith('22'))
    return {
      status: 400,
      code: 'invalid-value',
      detail: 'A value has the wrong format or is out of range.',
    };
  const rule = typeof e.constraint === 'string' ? ` (${e.constraint})` : '';
  if (e.code === '23514' || e.code === '23502')
    return { status: 422, code: 'constraint', detail: `A value breaks a rule of the record${rule}.` };
  if (e.code === '23503')
    return {
      status: 409,
      code: 'reference',
      detail: `The record refers to something that does not exist or is still in use${rule}.`,
    };
  return null;
}
