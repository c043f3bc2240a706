import type { ReactNode } from 'react';
import styles from './field.module.css';
import { ErrorIcon } from './icons';

/** Ids of a field's hint and error, joined for aria-describedby. */
export function describedBy(
  id: string,
  hint: ReactNode,
  error: ReactNode,
  extra?: string,
): string | undefined {
  const ids = [extra, hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function FieldHint({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div id={`${id}-hint`} className={styles.hint}>
      {children}
    </div>
  );
}

export function FieldError({ id, children }: { id: string; children: ReactNode }) {
  if (!children) return null;
  return (
    <div id={`${id}-error`} className={styles.error}>
      <ErrorIcon />
      <span>{children}</span>
    </div>
  );
}
