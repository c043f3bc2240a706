import { useState, type FormEvent } from 'react';
import { isApiError } from '../../api/api-error';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { TextField } from '../../ui/text-field';
import { useAddChild, type AddChildBody } from './api';
import styles from './family.module.css';
import { messages } from './messages';

type Field =
  | 'lastName'
  | 'firstName'
  | 'patronymic'
  | 'birthDate'
  | 'birthCertificate'
  | 'snils'
  | 'registrationAddress';

/** Adding a child by hand: the API checks everything and names each field it refuses. */
export function AddChildForm({ onDone }: { onDone: (childName: string) => void }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const add = useAddChild();
  const [values, setValues] = useState<Record<Field | 'sex' | 'relation', string>>({
    lastName: '',
    firstName: '',
    patronymic: '',
    birthDate: '',
    birthCertificate: '',
    snils: '',
    registrationAddress: '',
    sex: '',
    relation: 'parent',
  });
  const errors = isApiError(add.error) ? add.error.fieldErrors() : {};
  const labels: Record<string, string> = {
    lastName: m.lastName,
    firstName: m.firstName,
    patronymic: m.patronymic,
    birthDate: m.birthDate,
    sex: m.sex,
    birthCertificate: m.birthCertificate,
    snils: m.snils,
    registrationAddress: m.registrationAddress,
    relation: m.relation,
  };
  const set = (name: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [name]: e.target.value }));

  function submit(e: FormEvent) {
    e.preventDefault();
    const body: Record<string, string> = {};
    for (const [k, v] of Object.entries(values)) if (v.trim() !== '') body[k] = v.trim();
    add.mutate(body as unknown as AddChildBody, { onSuccess: (child) => onDone(child.firstName) });
  }

  const text = (
    name: Field,
    props: { optional?: boolean; hint?: string; type?: string; autoComplete?: string } = {},
  ) => (
    <TextField
      label={labels[name]}
      name={name}
      value={values[name]}
      onChange={set(name)}
      error={errors[name]}
      hint={props.hint}
      type={props.type ?? 'text'}
      autoComplete={props.autoComplete ?? 'off'}
      optionalText={props.optional ? m.optional : undefined}
      required={!props.optional}
    />
  );

  return (
    <Card title={m.formTitle} headingLevel={2}>
      <form className={styles.form} onSubmit={submit} noValidate aria-label={m.formTitle}>
        {add.isError && <ProblemAlert error={add.error} fieldLabels={labels} />}
        <div className={styles.grid}>
          {text('lastName')}
          {text('firstName')}
          {text('patronymic', { optional: true })}
          {text('birthDate', { type: 'date' })}
          <Select
            label={m.sex}
            name="sex"
            value={values.sex}
            onChange={set('sex')}
            placeholder={m.choose}
            error={errors.sex}
            required
            options={[
              { value: 'f', label: m.sexF },
              { value: 'm', label: m.sexM },
            ]}
          />
          <Select
            label={m.relation}
            name="relation"
            value={values.relation}
            onChange={set('relation')}
            error={errors.relation}
            options={[
              { value: 'parent', label: m.relations.parent },
              { value: 'guardian', label: m.relations.guardian },
            ]}
          />
          {text('birthCertificate', { hint: m.birthCertificateHint })}
          {text('snils', { optional: true, hint: m.snilsHint })}
        </div>
        {text('registrationAddress', { optional: true, autoComplete: 'street-address' })}
        <div className={styles.row}>
          <Button type="submit" disabled={add.isPending}>
            {m.save}
          </Button>
          <Button type="button" variant="ghost" onClick={() => onDone('')}>
            {m.cancel}
          </Button>
        </div>
      </form>
    </Card>
  );
}
