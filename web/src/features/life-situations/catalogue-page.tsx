import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { Badge } from '../../ui/badge';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import { useSituations } from './api';
import styles from './life.module.css';
import { pick, useMessages } from './use-messages';

function useDebounced<T>(value: T, ms: number): T {
  const [settled, setSettled] = useState(value);
  useEffect(() => {
    const timer = setTimeout(() => setSettled(value), ms);
    return () => clearTimeout(timer);
  }, [value, ms]);
  return settled;
}

/** /life-situations: the public catalogue, its Russian full-text search and the federal / regional filter. */
export function CataloguePage() {
  const { locale } = useI18n();
  const m = useMessages();
  const [params, setParams] = useSearchParams();
  const [text, setText] = useState(params.get('q') ?? '');
  const origin = params.get('origin') ?? '';
  const q = useDebounced(text.trim(), 300);
  useEffect(() => {
    setParams(
      (p) => {
        if (q) p.set('q', q);
        else p.delete('q');
        return p;
      },
      { replace: true },
    );
  }, [q, setParams]);
  const list = useSituations(q, origin);

  return (
    <div className={styles.page}>
      <PageHeader title={m.title} lead={m.lead} />
      <div role="search" className={styles.filters}>
        <TextField
          label={m.search}
          hint={m.searchHint}
          type="search"
          value={text}
          onChange={(e) => setText(e.target.value)}
          className={styles.grow}
        />
        <Select
          label={m.origin}
          value={origin}
          onChange={(e) =>
            setParams(
              (p) => {
                if (e.target.value) p.set('origin', e.target.value);
                else p.delete('origin');
                return p;
              },
              { replace: true },
            )
          }
          options={[
            { value: '', label: m.originAll },
            { value: 'federal', label: m.originFederal },
            { value: 'regional', label: m.originRegional },
          ]}
        />
      </div>
      <p>
        <Link to="/life-situations/ratings">{m.ratingsLink}</Link>
      </p>
      {list.isPending && <Spinner label={m.loading} />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.isSuccess && (
        <>
          <p role="status" className={styles.muted}>
            {m.found(list.data.total)}
          </p>
          {list.data.items.length === 0 ? (
            <EmptyState title={m.nothingFound} text={m.nothingFoundText} />
          ) : (
            <ul className={styles.cards} aria-label={m.title}>
              {list.data.items.map((s) => (
                <Card
                  key={s.code}
                  as="li"
                  headingLevel={2}
                  title={<Link to={`/life-situations/${s.code}`}>{pick(locale, s.titleRu, s.titleEn)}</Link>}
                >
                  <p className={styles.summary}>{pick(locale, s.summaryRu, s.summaryEn)}</p>
                  <p className={styles.row}>
                    <Badge tone={s.origin === 'federal' ? 'info' : 'neutral'}>
                      {s.origin === 'federal' ? m.federal : m.regional}
                    </Badge>
                    {s.stepCount > 0 ? (
                      <Badge tone="success">{m.steps(s.stepCount)}</Badge>
                    ) : (
                      <span className={styles.muted}>{m.notWorkedOut}</span>
                    )}
                  </p>
                </Card>
              ))}
            </ul>
          )}
        </>
      )}
    </div>
  );
}
