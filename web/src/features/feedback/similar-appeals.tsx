import type { SimilarAppeal } from '@contracts/feedback';
import { useEffect, useState } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { useSimilarAppeals } from './api';
import styles from './feedback.module.css';
import { fill, messages } from './messages';

const MIN_TEXT = 12;
const DEBOUNCE_MS = 600;

/**
 * «Похожие обращения» on the form: open appeals about the same problem (same topic, organisation,
 * recent, similar text), each with «Присоединиться к обращению». Joining still files the citizen's
 * own appeal, linked to the other one.
 */
export function SimilarAppeals({
  categoryCode,
  organisationId,
  text,
  joined,
  onJoin,
}: {
  categoryCode: string;
  organisationId: number | null;
  text: string;
  joined: SimilarAppeal | null;
  onJoin: (appeal: SimilarAppeal | null) => void;
}) {
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  const [settled, setSettled] = useState(text.trim());
  useEffect(() => {
    const timer = setTimeout(() => setSettled(text.trim()), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text]);
  const ready = categoryCode !== '' && organisationId !== null && settled.length >= MIN_TEXT;
  const similar = useSimilarAppeals({ categoryCode, organisationId, text: settled }, ready);
  const items = ready ? (similar.data?.items ?? []) : [];
  if (joined)
    return (
      <Card title={m.similarTitle} headingLevel={2} flat>
        <p role="status">{fill(m.joining, { number: joined.number })}</p>
        <div>
          <Button type="button" variant="ghost" onClick={() => onJoin(null)}>
            {m.joinCancel}
          </Button>
        </div>
      </Card>
    );
  if (items.length === 0) return null;
  return (
    <Card title={m.similarTitle} headingLevel={2} flat aria-label={m.similarTitle}>
      <p className={styles.muted}>{m.similarLead}</p>
      <ul className={styles.similarList}>
        {items.map((s) => (
          <li key={s.id} className={styles.similarItem}>
            <span>
              {fill(m.similarItem, {
                number: s.number,
                category: locale === 'en' ? s.categoryEn : s.categoryRu,
                status: m.statuses[s.status],
                date: formatDate(s.answerDue, { dateStyle: 'medium' }),
              })}
              {s.organisationName ? ` · ${s.organisationName}` : ''}
            </span>
            <Button type="button" variant="secondary" block onClick={() => onJoin(s)}>
              {m.join}
            </Button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
