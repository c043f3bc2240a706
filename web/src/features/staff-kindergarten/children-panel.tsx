import type { EnrollmentInput, StaffKindergarten } from '@contracts/kindergarten-catalog';
import { useState, type FormEvent } from 'react';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ProblemAlert } from '../../ui/problem-alert';
import { Select } from '../../ui/select';
import { TextField } from '../../ui/text-field';
import { messages } from './messages';
import { useCatalogWrite } from './staff-api';
import styles from './staff.module.css';

const today = () => new Date().toISOString().slice(0, 10);

/** Enrollments and departures: both change the group's free places at once. */
export function ChildrenPanel({ k }: { k: StaffKindergarten }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const canEnroll = k.permittedActions.includes('catalog.enrollment.update');
  const [groupId, setGroupId] = useState(String(k.groups[0]?.id ?? ''));
  const [child, setChild] = useState({ lastName: '', firstName: '', birthDate: '', birthCertificate: '' });
  const [enrolledOn, setEnrolledOn] = useState(today());
  const [leftOn, setLeftOn] = useState(today());
  const enroll = useCatalogWrite<{ groupId: string; payload: EnrollmentInput }>(
    'POST',
    (b) => `/api/staff/groups/${b.groupId}/enrollments`,
  );
  const depart = useCatalogWrite<{
    groupId: number;
    payload: { enrollmentId: number; leftOn: string; reason: string };
  }>('POST', (b) => `/api/staff/groups/${b.groupId}/departures`);
  const groupName = new Map(k.groups.map((g) => [g.id, g.name]));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    enroll.mutate({ groupId, payload: { child, enrolledOn } });
  };

  return (
    <Card title={m.children}>
      {k.children.length === 0 ? (
        <p>{m.noChildren}</p>
      ) : (
        <details>
          <summary>{`${m.children}: ${k.children.length}`}</summary>
          <div className={styles.scroll}>
            <table className={styles.table}>
              <caption className="visually-hidden">{m.children}</caption>
              <thead>
                <tr>
                  <th scope="col">{m.child}</th>
                  <th scope="col">{m.group}</th>
                  <th scope="col">{m.birthDate}</th>
                  <th scope="col">{m.coefficient}</th>
                  {canEnroll && <th scope="col">{m.departTitle}</th>}
                </tr>
              </thead>
              <tbody>
                {k.children.map((c) => (
                  <tr key={c.enrollmentId}>
                    <th scope="row">{c.childName}</th>
                    <td>{groupName.get(c.groupId)}</td>
                    <td>{c.birthDate}</td>
                    <td>{c.coefficient.toLocaleString(locale)}</td>
                    {canEnroll && (
                      <td>
                        <Button
                          size="small"
                          variant="outline"
                          aria-label={m.depart(c.childName)}
                          onClick={() =>
                            depart.mutate({
                              groupId: c.groupId,
                              payload: { enrollmentId: c.enrollmentId, leftOn, reason: 'Отчисление' },
                            })
                          }
                        >
                          {m.departShort}
                        </Button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </details>
      )}
      {canEnroll && (
        <>
          <TextField
            label={m.leftOn}
            type="date"
            value={leftOn}
            onChange={(e) => setLeftOn(e.target.value)}
          />
          {depart.error && <ProblemAlert error={depart.error} />}
          <h3>{m.enrollTitle}</h3>
          <form className={styles.form} onSubmit={submit}>
            <Select
              label={m.group}
              value={groupId}
              options={k.groups.map((g) => ({ value: String(g.id), label: `${g.name} (${g.freePlaces})` }))}
              onChange={(e) => setGroupId(e.target.value)}
            />
            <TextField
              label={m.lastName}
              value={child.lastName}
              required
              onChange={(e) => setChild({ ...child, lastName: e.target.value })}
            />
            <TextField
              label={m.firstName}
              value={child.firstName}
              required
              onChange={(e) => setChild({ ...child, firstName: e.target.value })}
            />
            <TextField
              label={m.birthDate}
              type="date"
              value={child.birthDate}
              required
              onChange={(e) => setChild({ ...child, birthDate: e.target.value })}
            />
            <TextField
              label={m.birthCertificate}
              value={child.birthCertificate}
              required
              onChange={(e) => setChild({ ...child, birthCertificate: e.target.value })}
            />
            <TextField
              label={m.enrolledOn}
              type="date"
              value={enrolledOn}
              required
              onChange={(e) => setEnrolledOn(e.target.value)}
            />
            <div>
              <Button type="submit" disabled={enroll.isPending}>
                {m.enroll}
              </Button>
            </div>
            {enroll.error && (
              <ProblemAlert
                error={enroll.error}
                fieldLabels={{ 'child.birthDate': m.birthDate, 'child.birthCertificate': m.birthCertificate }}
              />
            )}
          </form>
        </>
      )}
    </Card>
  );
}
