import type { PublicAnswerList } from '@contracts/feedback';
import { useQuery } from '@tanstack/react-query';
import { useDeferredValue } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { Card } from '../../ui/card';
import { EmptyState } from '../../ui/empty-state';
import { PageHeader } from '../../ui/page-header';
import { Pagination } from '../../ui/pagination';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { TextField } from '../../ui/text-field';
import styles from './feedback.module.css';
import { fill, messages } from './messages';

const PAGE_SIZE = 10;

/** /feedback/answers: answers to questions of general interest (59-ФЗ ст. 10 ч. 4), personal data removed. */
export function Component() {
  const { locale, formatDate, formatNumber } = useI18n();
  const m = messages[locale];
  const [params, setParams] = useSearchParams();
  const q = params.get('q') ?? '';
  const query = useDeferredValue(q.trim());
  const page = Math.max(1, Number(params.get('page') ?? '1') || 1);
  const search = new URLSearchParams({ page: String(page), pageSize: String(PAGE_SIZE) });
  if (query.length >= 2) search.set('q', query);
  const list = useQuery({
    queryKey: ['feedback', 'answers', search.toString()],
    queryFn: ({ signal }) => api.get<PublicAnswerList>(`/api/feedback/answers?${search}`, signal),
    placeholderData: (previous) => previous,
  });
  const pageCount = list.data ? Math.max(1, Math.ceil(list.data.total / PAGE_SIZE)) : 1;
  return (
    <div className={styles.page}>
      <PageHeader title={m.aTitle} lead={m.aLead} />
      <TextField
        label={m.aSearch}
        type="search"
        value={q}
        onChange={(e) =>
          setParams((p) => {
            const next = new URLSearchParams(p);
            if (e.target.value) next.set('q', e.target.value);
            else next.delete('q');
            next.delete('page');
            return next;
          })
        }
      />
      {list.isPending && <Spinner label={m.loading} />}
      {list.isError && <ProblemAlert error={list.error} />}
      {list.data && (
        <>
          <p className={styles.muted} aria-live="polite">
            {fill(m.total, { count: formatNumber(list.data.total) })}
          </p>
          {list.data.items.length === 0 && <EmptyState title={m.aEmpty} />}
          <ul className={styles.list} aria-label={m.aTitle}>
            {list.data.items.map((a) => (
              <li key={a.id}>
                <Card as="article" title={locale === 'en' ? a.categoryEn : a.categoryRu} headingLevel={2}>
                  <p className={styles.muted}>
                    {[
                      a.organisationName,
                      fill(m.aDates, {
                        registered: formatDate(a.registeredOn, { dateStyle: 'medium' }),
                        answered: formatDate(a.answeredOn, { dateStyle: 'medium' }),
                      }),
                    ]
                      .filter(Boolean)
                      .join(' · ')}
                  </p>
                  <h3 className={styles.subTitle}>{m.aQuestion}</h3>
                  <p className={styles.text}>{a.question}</p>
                  <h3 className={styles.subTitle}>{m.answer}</h3>
                  <p className={styles.text}>{a.answer}</p>
                </Card>
              </li>
            ))}
          </ul>
          {pageCount > 1 && (
            <Pagination
              page={page}
              pageCount={pageCount}
              onPageChange={(p) => setParams((prev) => ({ ...Object.fromEntries(prev), page: String(p) }))}
            />
          )}
        </>
      )}
    </div>
  );
}
