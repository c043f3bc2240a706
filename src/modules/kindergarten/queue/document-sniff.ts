import { fileTypeFromBuffer } from 'file-type';

/**
 * Benefit documents: the content decides the type, never the file name or the client's header
 * (a renamed executable is refused). PDF, JPEG and PNG up to 5 MB.
 */
export const ALLOWED_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof ALLOWED_DOCUMENT_TYPES)[number];
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export type SniffResult =
  | { ok: true; mediaType: DocumentType }
  | { ok: false; reason: 'empty' | 'too_large' | 'unsupported_type'; detected: string | null };

export async function sniffDocument(
  content: Uint8Array,
  maxBytes = MAX_DOCUMENT_BYTES,
): Promise<SniffResult> {
  if (content.byteLength === 0) return { ok: false, reason: 'empty', detected: null };
  if (content.byteLength > maxBytes) return { ok: false, reason: 'too_large', detected: null };
  const type = await fileTypeFromBuffer(content);
  const mime = type?.mime ?? null;
  if (mime && (ALLOWED_DOCUMENT_TYPES as readonly string[]).includes(mime))
    return { ok: true, mediaType: mime as DocumentType };
  return { ok: false, reason: 'unsupported_type', detected: mime };
}
