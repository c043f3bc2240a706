import { useId, type ReactNode, type Ref, type TextareaHTMLAttributes } from 'react';
import styles from './field.module.css';
import { describedBy, FieldError, FieldHint } from './field-parts';

export interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'children'> {
  label: ReactNode;
  hint?: ReactNode;
  /** Shown under the field and announced with it; also marks the field aria-invalid. */
  error?: ReactNode;
  optionalText?: string;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A multi-line text field with the same label, hint and error parts as TextField. */
export function TextArea({
  label,
  hint,
  error,
  optionalText,
  id,
  className,
  ref,
  rows = 5,
  'aria-describedby': ariaDescribedBy,
  ...rest
}: TextAreaProps) {
  const autoId = useId();
  const fieldId = id ?? autoId;
  return (
    <div className={[styles.field, className].filter(Boolean).join(' ')}>
      <label htmlFor={fieldId} className={styles.label}>
        {label}
        {optionalText && <span className={styles.optional}> ({optionalText})</span>}
      </label>
      <FieldHint id={fieldId}>{hint}</FieldHint>
      <textarea
        ref={ref}
        id={fieldId}
        rows={rows}
        className={[styles.control, styles.textarea].join(' ')}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(fieldId, hint, error, ariaDescribedBy)}
        {...rest}
      />
      <FieldError id={fieldId}>{error}</FieldError>
    </div>
  );
}
