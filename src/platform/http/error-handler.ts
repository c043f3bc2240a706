import type { FastifyError, FastifyInstance } from 'fastify';
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

/** Maps every failure to RFC 9457 problem+json: which field, what is expected, never a stack trace. */
export function installErrorHandler(app: FastifyInstance): void {
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
    if (status === 429 || status === 503) reply.header('retry-after', '60');
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
