import type { ReactNode } from 'react';
import { useDocumentTitle } from '../ui/document-title';
import styles from './status-page.module.css';

export interface StatusPageProps {
  /** 403, 404… shown small above the heading. */
  code?: string;
  icon: ReactNode;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}

/** A whole page that explains a state (not found, no access, failure) and offers a way on. */
export function StatusPage({ code, icon, title, children, actions }: StatusPageProps) {
  useDocumentTitle(title);
  return (
    <section className={styles.page} aria-labelledby="status-title">
      <div className={styles.icon}>{icon}</div>
      {code && <p className={styles.code}>{code}</p>}
      <h1 id="status-title" tabIndex={-1} data-page-heading>
        {title}
      </h1>
      <div className={styles.text}>{children}</div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </section>
  );
}
