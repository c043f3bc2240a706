import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from 'react';
import styles from './field.module.css';
import { describedBy, FieldError, FieldHint } from './field-parts';

export interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'children'> {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the field and announced with it; also marks the input aria-invalid. */
  error?: ReactNode;
  /** Adds «(необязательно)»-style text after the label. */
  optionalText?: string;
  ref?: Ref<HTMLInputElement>;
}

export function TextField({
  label,
  hint,
  error,
  optionalText,
  id,
  className,
  ref,
  'aria-describedby': ariaDescribedBy,
  ...rest
}: TextFieldProps) {
  const autoId = useId();
  const inputId = id ?? autoId;
  return (
    <div className={[styles.field, className].filter(Boolean).join(' ')}>
      <label htmlFor={inputId} className={styles.label}>
        {label}
        {optionalText && <span className={styles.optional}> ({optionalText})</span>}
      </label>
      <FieldHint id={inputId}>{hint}</FieldHint>
      <input
        ref={ref}
        id={inputId}
        className={styles.control}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(inputId, hint, error, ariaDescribedBy)}
        {...rest}
      />
      <FieldError id={inputId}>{error}</FieldError>
    </div>
  );
}
