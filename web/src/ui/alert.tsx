import type { ReactNode } from 'react';
import styles from './alert.module.css';
import { CheckCircleIcon, ErrorIcon, InfoIcon, WarningIcon } from './icons';

export type AlertTone = 'info' | 'success' | 'warning' | 'danger';

const ICONS = { info: InfoIcon, success: CheckCircleIcon, warning: WarningIcon, danger: ErrorIcon };

export interface AlertProps {
  tone?: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  actions?: ReactNode;
  /**
   * `alert` interrupts the screen reader (errors after an action); `status` waits politely; `none` for
   * static notes present from the start. Defaults: danger → alert, others → status.
   */
  live?: 'alert' | 'status' | 'none';
  className?: string;
  id?: string;
}

export function Alert({ tone = 'info', title, children, actions, live, className, id }: AlertProps) {
  const Icon = ICONS[tone];
  const role = live ?? (tone === 'danger' ? 'alert' : 'status');
  return (
    <div
      id={id}
      role={role === 'none' ? undefined : role}
      className={[styles.alert, styles[tone], className].filter(Boolean).join(' ')}
    >
      <Icon />
      <div className={styles.content}>
        {title && <div className={styles.title}>{title}</div>}
        {children && <div>{children}</div>}
        {actions && <div className={styles.actions}>{actions}</div>}
      </div>
    </div>
  );
}
