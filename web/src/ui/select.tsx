import { useId, type ReactNode, type Ref, type SelectHTMLAttributes } from 'react';
import styles from './field.module.css';
import { describedBy, FieldError, FieldHint } from './field-parts';

export interface SelectOption {
  value: string;
  label: string;
  disabled?: boolean;
  /** Options with the same group are shown together under its name (an optgroup), in first-seen order. */
  group?: string;
}

function renderOptions(options: readonly SelectOption[]) {
  const option = (o: SelectOption) => (
    <option key={o.value} value={o.value} disabled={o.disabled}>
      {o.label}
    </option>
  );
  if (!options.some((o) => o.group !== undefined)) return options.map(option);
  const groups = new Map<string, SelectOption[]>();
  for (const o of options) groups.set(o.group ?? '', [...(groups.get(o.group ?? '') ?? []), o]);
  return [...groups].map(([group, items]) =>
    group === '' ? (
      items.map(option)
    ) : (
      <optgroup key={group} label={group}>
        {items.map(option)}
      </optgroup>
    ),
  );
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'children'> {
  label: ReactNode;
  options: readonly SelectOption[];
  /** A first, empty option such as «Выберите район». */
  placeholder?: string;
  hint?: ReactNode;
  error?: ReactNode;
  ref?: Ref<HTMLSelectElement>;
}

export function Select({
  label,
  options,
  placeholder,
  hint,
  error,
  id,
  className,
  ref,
  'aria-describedby': ariaDescribedBy,
  ...rest
}: SelectProps) {
  const autoId = useId();
  const selectId = id ?? autoId;
  return (
    <div className={[styles.field, className].filter(Boolean).join(' ')}>
      <label htmlFor={selectId} className={styles.label}>
        {label}
      </label>
      <FieldHint id={selectId}>{hint}</FieldHint>
      <select
        ref={ref}
        id={selectId}
        className={`${styles.control} ${styles.select}`}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(selectId, hint, error, ariaDescribedBy)}
        {...rest}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {renderOptions(options)}
      </select>
      <FieldError id={selectId}>{error}</FieldError>
    </div>
  );
}
