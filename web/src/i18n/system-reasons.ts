/**
 * Reasons the service itself writes into an application's history (placement/service.ts,
 * queue/staff-service.ts) are stored in Russian; in English mode they are read from this catalog.
 * A reason an officer typed is shown as typed.
 */
const EXACT: Record<string, string> = {
  'Выдано направление в детский сад (комплектование)': 'A kindergarten direction was issued (placement wave)',
  'Родитель согласился с направлением': 'The parent accepted the direction',
  'Желаемая дата перенесена на 1 сентября следующего года': 'The desired date moved to 1 September next year',
  'Зачислен в детский сад': 'Enrolled at the kindergarten',
  'Не явился: срок действия направления истёк': 'No show: the direction expired',
  'Отказ от предоставленного места; ребёнок остаётся в очереди':
    'The offered place was declined; the child stays in the queue',
  'Не явился; ребёнок остаётся в очереди': 'No show; the child stays in the queue',
};

export function systemReason(reason: string, locale: 'ru' | 'en'): string {
  if (locale !== 'en') return reason;
  const exact = EXACT[reason];
  if (exact) return exact;
  const merged = /^Объединено с дубликатом (\S+): (.*)$/s.exec(reason);
  if (merged) return `Merged with duplicate ${merged[1]}: ${merged[2]}`;
  return reason;
}
