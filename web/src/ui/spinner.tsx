import type { CSSProperties } from 'react';
import styles from './spinner.module.css';

export interface SpinnerProps {
  /** Visible text next to the spinner (also what screen readers hear). */
  label: string;
  /** Hide the text visually but keep it for screen readers. */
  hideLabel?: boolean;
  size?: 'medium' | 'small';
  inline?: boolean;
}

export function Spinner({ label, hideLabel = false, size = 'medium', inline = false }: SpinnerProps) {
  return (
    <div role="status" className={[styles.wrap, inline && styles.inline].filter(Boolean).join(' ')}>
      <span
        className={[styles.spinner, size === 'small' && styles.small].filter(Boolean).join(' ')}
        aria-hidden="true"
      />
      <span className={hideLabel ? 'visually-hidden' : undefined}>{label}</span>
    </div>
  );
}

export interface SkeletonProps {
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  radius?: CSSProperties['borderRadius'];
  className?: string;
}

/** A grey placeholder while content loads; invisible to screen readers (pair it with a Spinner or status text). */
export function Skeleton({ width = '100%', height = '1em', radius, className }: SkeletonProps) {
  return (
    <span
      aria-hidden="true"
      className={[styles.skeleton, className].filter(Boolean).join(' ')}
      style={{ width, height, borderRadius: radius }}
    />
  );
}
