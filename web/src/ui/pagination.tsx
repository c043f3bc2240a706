import { useT } from '../i18n/i18n-context';
import { Button } from './button';
import { ChevronLeftIcon, ChevronRightIcon } from './icons';
import styles from './table.module.css';

export interface PaginationProps {
  /** 1-based. */
  page: number;
  pageCount: number;
  onPageChange: (page: number) => void;
  label?: string;
}

/** Page numbers to show: first, last, the current one with neighbours, gaps as null. */
export function pageWindow(page: number, pageCount: number): (number | null)[] {
  const pages = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...pages].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  sorted.forEach((p, i) => {
    const previous = sorted[i - 1];
    if (previous !== undefined && p - previous > 1) out.push(p - previous === 2 ? p - 1 : null);
    out.push(p);
  });
  return out;
}

export function Pagination({ page, pageCount, onPageChange, label }: PaginationProps) {
  const t = useT();
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={label ?? t('table.pagination')} className={styles.pagination}>
      <Button
        variant="outline"
        size="small"
        disabled={page <= 1}
        onClick={() => onPageChange(page - 1)}
        aria-label={t('table.prevLabel')}
        icon={<ChevronLeftIcon size={20} />}
      >
        {t('table.prev')}
      </Button>
      <ul className={styles.pages}>
        {pageWindow(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} className={styles.gap} aria-hidden="true">
              …
            </li>
          ) : (
            <li key={p}>
              <button
                type="button"
                className={styles.pageButton}
                aria-current={p === page ? 'page' : undefined}
                aria-label={t('table.page', { page: p })}
                onClick={() => onPageChange(p)}
              >
                {p}
              </button>
            </li>
          ),
        )}
      </ul>
      <span className={styles.pageStatus} aria-live="polite">
        {t('table.pageOf', { page, count: pageCount })}
      </span>
      <Button
        variant="outline"
        size="small"
        disabled={page >= pageCount}
        onClick={() => onPageChange(page + 1)}
        aria-label={t('table.nextLabel')}
      >
        {t('table.next')}
        <ChevronRightIcon size={20} />
      </Button>
    </nav>
  );
}
