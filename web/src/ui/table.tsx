import { useId, type ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';
import { SortIcon } from './icons';
import styles from './table.module.css';

export type SortDirection = 'ascending' | 'descending';

export interface SortState {
  columnId: string;
  direction: SortDirection;
}

export interface TableColumn<Row> {
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  sortable?: boolean;
  /** Numbers align to the end. */
  align?: 'start' | 'end';
  /** This column names the row (rendered as th scope=row). */
  rowHeader?: boolean;
  /** Hide the header label in the stacked (phone) layout, e.g. for an actions column. */
  hideLabelWhenStacked?: boolean;
}

export interface TableProps<Row> {
  caption: string;
  /** Keep the caption for screen readers only (when a visible heading already says the same). */
  captionHidden?: boolean;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string | number;
  sort?: SortState | null;
  onSortChange?: (sort: SortState) => void;
  /** Shown in place of rows when there are none. */
  empty?: ReactNode;
  /** On narrow screens show each row as a small card instead of scrolling sideways. */
  stackOnMobile?: boolean;
  footer?: ReactNode;
}

/** A data table with a caption and sortable columns; sorting itself is the caller's (often the server's). */
export function Table<Row>({
  caption,
  captionHidden,
  columns,
  rows,
  rowKey,
  sort,
  onSortChange,
  empty,
  stackOnMobile,
  footer,
}: TableProps<Row>) {
  const t = useT();
  const captionId = useId();

  const toggleSort = (columnId: string) => {
    const direction: SortDirection =
      sort?.columnId === columnId && sort.direction === 'ascending' ? 'descending' : 'ascending';
    onSortChange?.({ columnId, direction });
  };

  return (
    <div>
      <div
        className={[styles.wrap, stackOnMobile && styles.stacked].filter(Boolean).join(' ')}
        role="region"
        aria-labelledby={captionId}
        tabIndex={0}
      >
        <table className={styles.table}>
          <caption id={captionId} className={captionHidden ? 'visually-hidden' : styles.caption}>
            {caption}
          </caption>
          <thead>
            <tr>
              {columns.map((column) => {
                const sorted = sort?.columnId === column.id ? sort.direction : undefined;
                return (
                  <th
                    key={column.id}
                    scope="col"
                    aria-sort={sorted}
                    className={column.align === 'end' ? styles.end : undefined}
                  >
                    {column.sortable && onSortChange ? (
                      <button
                        type="button"
                        className={styles.sortButton}
                        onClick={() => toggleSort(column.id)}
                      >
                        {column.header}
                        <SortIcon direction={sorted ?? 'none'} />
                      </button>
                    ) : (
                      column.header
                    )}
                  </th>
                );
              })}
            </tr>
          </thead>
          <tbody>
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className={styles.empty} data-label="">
                  {empty ?? t('table.empty')}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={rowKey(row)}>
                  {columns.map((column) => {
                    const Cell = column.rowHeader ? 'th' : 'td';
                    return (
                      <Cell
                        key={column.id}
                        scope={column.rowHeader ? 'row' : undefined}
                        className={column.align === 'end' ? styles.end : undefined}
                        data-label={column.hideLabelWhenStacked ? '' : column.header}
                      >
                        {column.cell(row)}
                      </Cell>
                    );
                  })}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {footer && <div className={styles.footer}>{footer}</div>}
    </div>
  );
}
