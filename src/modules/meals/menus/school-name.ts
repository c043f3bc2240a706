/**
 * Whether the school named in a workbook's `Школа` cell is this organisation. Real files name a
 * school their own way (`МБОУ «СОШ № 5»`, `Средняя школа № 5`, with or without the town), so the
 * names are compared without case, quotes, spaces and punctuation, and one containing the other
 * is a match; a workbook naming another school is refused before anything is stored.
 */
export function normaliseSchoolName(name: string): string {
  return name
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/[^0-9a-zа-я№]/g, '');
}

export function sameSchool(written: string, names: readonly string[]): boolean {
  const w = normaliseSchoolName(written);
  if (w.length < 3) return false;
  return names
    .map(normaliseSchoolName)
    .some((n) => n.length >= 3 && (n === w || n.includes(w) || w.includes(n)));
}
