import type { FastifyRequest } from 'fastify';
import { HttpProblem } from './problem.js';

export interface Upload {
  /** The file's bytes; its type is for the caller to sniff, never taken from the request. */
  content: Buffer;
  /** Text fields sent with the file (last value wins), each at most `maxFieldLength` characters. */
  fields: Record<string, string>;
  /** The file name the client gave, as sent (not to be trusted for anything but display). */
  fileName: string | null;
}

const problem = (status: number, code: string, message: string, field: string, expected?: string) =>
  new HttpProblem(status, code, message, { errors: [{ field, message, expected }] });

/**
 * Reads a multipart/form-data request carrying one file (part `fileField`) and a few text fields,
 * buffering at most `maxBytes` of the file. Every refusal names the part: 415 when the request is
 * not multipart, 413 when the file is too large, 400 for a missing file, a second one or an
 * over-long field.
 */
export async function readUpload(
  request: FastifyRequest,
  opts: { fileField?: string; maxBytes: number; maxFieldLength?: number; sizeLabel: string },
): Promise<Upload> {
  const fileField = opts.fileField ?? 'file';
  const maxFieldLength = opts.maxFieldLength ?? 2000;
  if (!request.isMultipart())
    throw problem(
      415,
      'unsupported-media-type',
      'Send the file as multipart/form-data.',
      fileField,
      'multipart/form-data',
    );
  let content: Buffer | null = null;
  let fileName: string | null = null;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({
      limits: { fileSize: opts.maxBytes, files: 1, fields: 10, fieldSize: maxFieldLength * 4 },
    })) {
      if (part.type === 'file') {
        if (part.fieldname !== fileField) {
          part.file.resume();
          throw problem(
            400,
            'unexpected-file',
            `Send the file in the part named «${fileField}».`,
            part.fieldname,
          );
        }
        content = await part.toBuffer();
        fileName = part.filename || null;
      } else {
        const value = typeof part.value === 'string' ? part.value : String(part.value);
        if (part.valueTruncated || value.length > maxFieldLength)
          throw problem(
            400,
            'field-too-long',
            `${part.fieldname} is too long.`,
            part.fieldname,
            `≤ ${maxFieldLength} characters`,
          );
        fields[part.fieldname] = value;
      }
    }
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE')
      throw problem(
        413,
        'file-too-large',
        `The file is larger than ${opts.sizeLabel}.`,
        fileField,
        `≤ ${opts.sizeLabel}`,
      );
    if (code === 'FST_FILES_LIMIT')
      throw problem(400, 'too-many-files', 'Send one file at a time.', fileField, 'one file');
    if (err instanceof HttpProblem) throw err;
    // Anything else went wrong reading the body as sent (no boundary, a cut-off part): the client's.
    throw problem(
      400,
      'malformed-multipart',
      'The multipart/form-data body is malformed; send the form again.',
      fileField,
      'a well-formed multipart/form-data body',
    );
  }
  if (!content) throw problem(400, 'file-required', 'No file in the request.', fileField, 'a file');
  return { content, fields, fileName };
}
