import type { IndicatorSummary } from '@contracts/kindergarten-reporting';
import styles from './analytics.module.css';
import { formatNumber } from './format';
import type { AnalyticsMessages } from './messages';

/** The headline indicators of an area: the same fields as the first sheet of the XLSX. */
export function IndicatorCards({
  s,
  m,
  locale,
  withFlows = true,
}: {
  s: IndicatorSummary;
  m: AnalyticsMessages;
  locale: 'ru' | 'en';
  withFlows?: boolean;
}) {
  const cards: [string, string, string][] = [
    ['actualDemand', m.actualDemand, formatNumber(locale, s.actualDemand)],
    ['deferredDemand', m.deferredDemand, formatNumber(locale, s.deferredDemand)],
    ['placed', m.placed, formatNumber(locale, s.placed)],
    [
      'availability37',
      m.availability,
      s.availability37 === null ? '—' : `${formatNumber(locale, s.availability37, 2)} %`,
    ],
    ['freePlaces', m.freePlaces, formatNumber(locale, s.freePlaces)],
    ['capacity', m.capacity, formatNumber(locale, s.capacity)],
  ];
  if (withFlows)
    cards.push(
      ['waitingMedianDays', m.waitingMedian, formatNumber(locale, s.waitingMedianDays, 1)],
      ['directions', m.directions, formatNumber(locale, s.directions)],
    );
  return (
    <ul className={styles.cards} aria-label={m.title}>
      {cards.map(([key, label, value]) => (
        <li key={key} className={styles.stat} data-indicator={key}>
          <span className={styles.statValue}>{value}</span>
          <span className={styles.statLabel}>{label}</span>
        </li>
      ))}
    </ul>
  );
}
