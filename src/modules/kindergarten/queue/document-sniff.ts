import {
  sniffFileType,
  type SniffResult as FileSniffResult,
} from '../../../platform/files/sniff-file-type.js';

/**
 * Benefit documents: the content decides the type, never the file name or the client's header
 * (a renamed executable is refused). PDF, JPEG and PNG up to 5 MB.
 */
export const ALLOWED_DOCUMENT_TYPES = ['application/pdf', 'image/jpeg', 'image/png'] as const;
export type DocumentType = (typeof ALLOWED_DOCUMENT_TYPES)[number];
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

export type SniffResult = FileSniffResult<DocumentType>;

export function sniffDocument(content: Uint8Array, maxBytes = MAX_DOCUMENT_BYTES): Promise<SniffResult> {
  return sniffFileType(content, ALLOWED_DOCUMENT_TYPES, maxBytes);
}
