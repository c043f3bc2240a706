import type { FastifyInstance } from 'fastify';
import { HttpProblem } from './problem.js';

/** Deeper than any body the product accepts (a few levels), far below what a parser or jsonb chokes on. */
export const MAX_JSON_DEPTH = 32;

/**
 * How deep arrays and objects nest in a JSON text, stopping as soon as `limit` is passed. One pass,
 * no recursion, so a body nested a million levels costs its length and nothing more.
 */
export function jsonDepthExceeds(text: string, limit: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > limit) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

/**
 * JSON bodies go through Fastify's own parser (prototype-poisoning checks included) after a depth
 * check: a body nested thousands deep is a 400 naming the limit, not a 500 from deeper down.
 */
export function installJsonBodyParser(app: FastifyInstance): void {
  const parse = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body as string;
    if (jsonDepthExceeds(text, MAX_JSON_DEPTH)) {
      done(
        new HttpProblem(
          400,
          'validation',
          `Invalid body: JSON nested deeper than ${MAX_JSON_DEPTH} levels; send a flat object as the API documents.`,
        ),
        undefined,
      );
      return;
    }
    parse(request, text, done);
  });
}
