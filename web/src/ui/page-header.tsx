import type { ReactNode } from 'react';
import { useDocumentTitle } from './document-title';
import styles from './page-header.module.css';

export interface PageHeaderProps {
  /** The page's one h1; also the document title unless `documentTitle` is given. */
  title: string;
  lead?: ReactNode;
  eyebrow?: ReactNode;
  actions?: ReactNode;
  documentTitle?: string;
}

export function PageHeader({ title, lead, eyebrow, actions, documentTitle }: PageHeaderProps) {
  useDocumentTitle(documentTitle ?? title);
  return (
    <header className={styles.header}>
      {eyebrow && <div className={styles.eyebrow}>{eyebrow}</div>}
      <div className={styles.row}>
        {/* tabIndex -1: the layout moves focus here after navigation, so screen readers hear the new page. */}
        <h1 className={styles.title} tabIndex={-1} data-page-heading>
          {title}
        </h1>
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
      {lead && <p className={styles.lead}>{lead}</p>}
    </header>
  );
}
