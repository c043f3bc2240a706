// Text normalisation before feature extraction: appeals arrive from web forms, e-mail and other
// systems with HTML tags and entities; case and «ё» spelling vary between writers.

const NAMED_ENTITIES: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
  nbsp: ' ',
  laquo: '«',
  raquo: '»',
  ndash: '–',
  mdash: '—',
  hellip: '…',
  bdquo: '„',
  ldquo: '“',
  rdquo: '”',
  lsquo: '‘',
  rsquo: '’',
  shy: '',
  times: '×',
  deg: '°',
  numero: '№',
  copy: '©',
};

function decodeEntity(entity: string, body: string): string {
  if (body.startsWith('#')) {
    const code =
      body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
    // An invalid code point stays a space: it separates words and cannot be a letter.
    return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : ' ';
  }
  return NAMED_ENTITIES[body.toLowerCase()] ?? entity;
}

/** Removes script/style blocks, comments and tags (each becomes a space, so words on both sides stay apart). */
export function stripHtml(text: string): string {
  return text
    .replace(/<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi, ' ')
    .replace(/<!--[\s\S]*?-->/g, ' ')
    .replace(/<\/?[a-zA-Z][^<>]*>/g, ' ');
}

/** Decodes named (a common set) and numeric character references. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z]{2,8});/g, (entity, body: string) =>
    decodeEntity(entity, body),
  );
}

/**
 * Tags out, entities decoded (tags inside entities such as «&lt;b&gt;» are text the writer meant and
 * are stripped again), lower case, «ё» → «е», whitespace collapsed.
 */
export function normaliseText(text: string): string {
  const decoded = decodeEntities(stripHtml(text));
  return stripHtml(decoded)
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
}

/** Words: runs of Cyrillic or Latin letters and digits of the normalised text. */
export function words(normalised: string): string[] {
  return normalised.match(/[a-zа-я0-9]+/g) ?? [];
}
