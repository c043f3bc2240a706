import { fileTypeFromBuffer } from 'file-type';

/**
 * Uploaded files: the content decides the type, never the file name or the client's header (a
 * renamed executable is refused). Each caller names the media types it accepts and a size limit.
 */
export type SniffResult<T extends string> =
  | { ok: true; mediaType: T }
  | { ok: false; reason: 'empty' | 'too_large' | 'unsupported_type'; detected: string | null };

export async function sniffFileType<T extends string>(
  content: Uint8Array,
  allowed: readonly T[],
  maxBytes: number,
): Promise<SniffResult<T>> {
  if (content.byteLength === 0) return { ok: false, reason: 'empty', detected: null };
  if (content.byteLength > maxBytes) return { ok: false, reason: 'too_large', detected: null };
  const type = await fileTypeFromBuffer(content);
  const mime = type?.mime ?? null;
  if (mime && (allowed as readonly string[]).includes(mime)) return { ok: true, mediaType: mime as T };
  return { ok: false, reason: 'unsupported_type', detected: mime };
}
