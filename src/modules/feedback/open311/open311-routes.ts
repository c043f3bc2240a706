import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../../platform/app-context.js';
import { HttpProblem } from '../../../platform/http/problem.js';
import {
  CONTENT_TYPE,
  OPEN311_FORMATS,
  renderErrors,
  renderList,
  renderObject,
  splitFile,
  type Open311Format,
} from './open311-format.js';
import { Open311Error, type Open311Service } from './open311-service.js';

const tags = ['open311'];
// A NUL or another control character is nothing a client means to send, and PostgreSQL refuses NUL.
const printable = (v: string) => [...v].every((c) => c >= ' ' || c === '\n' || c === '\r' || c === '\t');
const text = (max: number) =>
  z.string().trim().max(max).refine(printable, 'control characters are not accepted');
const formatParams = z.object({ open311Format: z.enum(OPEN311_FORMATS) });
const fileParams = z.object({ open311File: z.string().min(6).max(200) });

/** Lists are filtered by Open311's own query names; unknown ones (jurisdiction_id…) are ignored. */
const requestListQuery = z.object({
  jurisdiction_id: text(100).optional(),
  service_request_id: text(2000).optional(),
  service_code: text(100).optional(),
  start_date: text(40).optional(),
  end_date: text(40).optional(),
  status: z.enum(['open', 'closed']).optional(),
});

/** The create call's fields as Open311 names them, sent as a form (or JSON). */
const createBody = z.object({
  api_key: text(200).optional(),
  jurisdiction_id: text(100).optional(),
  service_code: text(100).optional(),
  description: text(5000).optional(),
  lat: z.coerce.number().min(-90).max(90).optional(),
  long: z.coerce.number().min(-180).max(180).optional(),
  address_string: text(500).optional(),
  address_id: z.coerce
    .number()
    .int()
    .positive()
    .max(2 ** 31 - 1)
    .optional(),
  email: text(200).optional(),
  device_id: text(200).optional(),
  account_id: text(200).optional(),
  first_name: text(100).optional(),
  last_name: text(100).optional(),
  phone: text(40).optional(),
  media_url: text(2000).optional(),
});

function formatOf(request: FastifyRequest): Open311Format {
  const params = (request.params ?? {}) as { open311Format?: string; open311File?: string };
  if (params.open311Format === 'xml') return 'xml';
  if (params.open311File && splitFile(params.open311File)?.format === 'xml') return 'xml';
  return 'json';
}

function send(reply: FastifyReply, format: Open311Format, body: string, status = 200) {
  return reply.status(status).type(CONTENT_TYPE[format]).send(body);
}

/** Every failure in the spec's error format, in the format the path asked for. */
function open311ErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  const format = formatOf(request);
  let status = 500;
  let descriptions = ['internal error; try again later'];
  if (error instanceof Open311Error) ({ status, descriptions } = error);
  else if (hasZodFastifySchemaValidationErrors(error)) {
    status = 400;
    descriptions = error.validation.map((v) => {
      const field =
        v.instancePath.replace(/^\//, '').replaceAll('/', '.') || (error.validationContext ?? 'body');
      return `${field}: ${v.message ?? 'is invalid'}`;
    });
  } else if (error instanceof HttpProblem) {
    status = error.status;
    descriptions = [error.message];
  } else if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    status = error.statusCode;
    descriptions = [error.message];
  } else request.log.error({ err: error }, 'Open311 request failed');
  return send(reply, format, renderErrors(format, status, descriptions), status);
}

/** The file parameter (`education.kindergartens.json`) split, or a 404 in the spec's format. */
function fileOf(request: { params: { open311File: string } }) {
  const file = splitFile(request.params.open311File);
  if (!file) throw new Open311Error(404, ['the resource ends in .json or .xml']);
  return file;
}

/** GeoReport v2 under /open311: public reads, a create that needs the client's API key. */
export function open311Routes(app: FastifyInstance, ctx: AppContext, open311: Open311Service): void {
  void app.register(async (scope) => {
    scope.setErrorHandler(open311ErrorHandler);
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const rateLimit = { max: ctx.config.RATE_LIMIT_PUBLIC_PER_MINUTE, timeWindow: '1 minute' };
    const config = { permission: 'public' as const, rateLimit };

    r.get(
      '/open311/discovery.:open311Format',
      { config, schema: { tags, summary: 'Open311 discovery', params: formatParams } },
      async (request, reply) => {
        const f = request.params.open311Format;
        return send(reply, f, renderObject(f, 'discovery', open311.discovery()));
      },
    );
    r.get(
      '/open311/v2/services.:open311Format',
      { config, schema: { tags, summary: 'Open311 service list (the category tree)', params: formatParams } },
      async (request, reply) => {
        const f = request.params.open311Format;
        return send(reply, f, renderList(f, 'services', open311.services()));
      },
    );
    r.get(
      '/open311/v2/services/:open311File',
      { config, schema: { tags, summary: 'Open311 service definition', params: fileParams } },
      async (request, reply) => {
        const { id, format } = fileOf(request);
        return send(reply, format, renderObject(format, 'service_definition', open311.serviceDefinition(id)));
      },
    );
    r.post(
      '/open311/v2/requests.:open311Format',
      {
        config,
        schema: {
          tags,
          summary: 'Open311 create request: a token the citizen confirms through Госуслуги',
          params: formatParams,
          body: createBody,
        },
      },
      async (request, reply) => {
        const f = request.params.open311Format;
        return send(reply, f, renderList(f, 'requests', await open311.create(request.body)), 201);
      },
    );
    r.get(
      '/open311/v2/requests.:open311Format',
      {
        config,
        schema: {
          tags,
          summary: 'Open311 request list',
          params: formatParams,
          querystring: requestListQuery,
        },
      },
      async (request, reply) => {
        const f = request.params.open311Format;
        return send(reply, f, renderList(f, 'requests', await open311.requests(request.query)));
      },
    );
    r.get(
      '/open311/v2/requests/:open311File',
      { config, schema: { tags, summary: 'Open311 request by id (the appeal number)', params: fileParams } },
      async (request, reply) => {
        const { id, format } = fileOf(request);
        return send(reply, format, renderList(format, 'requests', await open311.request(id)));
      },
    );
    r.get(
      '/open311/v2/tokens/:open311File',
      { config, schema: { tags, summary: 'Open311 token → request id', params: fileParams } },
      async (request, reply) => {
        const { id, format } = fileOf(request);
        return send(reply, format, renderList(format, 'requests', await open311.token(id)));
      },
    );
  });
}
