import type { AnchorHTMLAttributes, ButtonHTMLAttributes, ReactNode, Ref } from 'react';
import { Link, type LinkProps } from 'react-router';
import styles from './button.module.css';

export type ButtonVariant = 'primary' | 'secondary' | 'outline' | 'ghost' | 'danger';
export type ButtonSize = 'medium' | 'small';

interface ButtonLook {
  variant?: ButtonVariant;
  size?: ButtonSize;
  /** Full width of the container. */
  block?: boolean;
}

export function buttonClassName(
  { variant = 'primary', size = 'medium', block = false }: ButtonLook,
  extra?: string,
) {
  return [styles.button, styles[variant], size === 'small' && styles.small, block && styles.block, extra]
    .filter(Boolean)
    .join(' ');
}

export interface ButtonProps extends ButtonHTMLAttributes<HTMLButtonElement>, ButtonLook {
  /** Shows a spinner, disables the button and marks it busy. */
  loading?: boolean;
  icon?: ReactNode;
  ref?: Ref<HTMLButtonElement>;
}

export function Button({
  variant,
  size,
  block,
  loading = false,
  icon,
  className,
  children,
  disabled,
  type = 'button',
  ...rest
}: ButtonProps) {
  return (
    <button
      type={type}
      className={buttonClassName({ variant, size, block }, className)}
      disabled={disabled || loading}
      aria-busy={loading || undefined}
      {...rest}
    >
      {loading ? <span className={styles.spinner} aria-hidden="true" /> : icon}
      {children}
    </button>
  );
}

type RouterLinkButtonProps = ButtonLook & LinkProps & { icon?: ReactNode; href?: never };
type AnchorLinkButtonProps = ButtonLook &
  AnchorHTMLAttributes<HTMLAnchorElement> & {
    /** A plain link: for pages served by the server (open data, sign-in redirects, API docs). */
    href: string;
    icon?: ReactNode;
    to?: never;
  };

/** A link that looks like a button: in-app routes with `to`, server pages with `href`. */
export function LinkButton(props: RouterLinkButtonProps | AnchorLinkButtonProps) {
  if (props.href !== undefined) {
    const { variant, size, block, icon, className, children, ...rest } = props;
    return (
      <a className={buttonClassName({ variant, size, block }, className)} {...rest}>
        {icon}
        {children}
      </a>
    );
  }
  const { variant, size, block, icon, className, children, ...rest } = props;
  return (
    <Link className={buttonClassName({ variant, size, block }, className as string | undefined)} {...rest}>
      {icon}
      {children as ReactNode}
    </Link>
  );
}
