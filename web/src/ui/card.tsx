import type { HTMLAttributes, ReactNode } from 'react';
import { Link } from 'react-router';
import styles from './card.module.css';
import { ArrowRightIcon } from './icons';

type HeadingLevel = 2 | 3 | 4;

export interface CardProps extends Omit<HTMLAttributes<HTMLElement>, 'title'> {
  as?: 'section' | 'article' | 'div' | 'li';
  title?: ReactNode;
  headingLevel?: HeadingLevel;
  icon?: ReactNode;
  footer?: ReactNode;
  /** A quieter card on a grey surface, for secondary blocks. */
  flat?: boolean;
}

export function Card({
  as: Tag = 'section',
  title,
  headingLevel = 2,
  icon,
  footer,
  flat,
  className,
  children,
  ...rest
}: CardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <Tag className={[styles.card, flat && styles.flat, className].filter(Boolean).join(' ')} {...rest}>
      {icon && <div className={styles.icon}>{icon}</div>}
      {title && <Heading className={styles.title}>{title}</Heading>}
      {children}
      {footer && <div className={styles.footer}>{footer}</div>}
    </Tag>
  );
}

export interface LinkCardProps {
  title: string;
  description: ReactNode;
  /** An in-app route, or with `external` a page served by the server. */
  to: string;
  external?: boolean;
  icon?: ReactNode;
  cta?: string;
  headingLevel?: HeadingLevel;
}

/** A whole-card link: one tab stop, the title is the accessible name, the card is the click target. */
export function LinkCard({ title, description, to, external, icon, cta, headingLevel = 3 }: LinkCardProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <article className={`${styles.card} ${styles.linkCard}`}>
      {icon && <div className={styles.icon}>{icon}</div>}
      <Heading className={styles.title}>
        {external ? (
          <a href={to} className={styles.cover}>
            {title}
          </a>
        ) : (
          <Link to={to} className={styles.cover}>
            {title}
          </Link>
        )}
      </Heading>
      <p className={styles.body}>{description}</p>
      {cta && (
        <div className={styles.footer}>
          <span className={styles.arrow} aria-hidden="true">
            {cta}
            <ArrowRightIcon />
          </span>
        </div>
      )}
    </article>
  );
}
