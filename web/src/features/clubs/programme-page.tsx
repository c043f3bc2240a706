import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import type { ClubGroup, Enrolment } from '@contracts/clubs';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Badge } from '../../ui/badge';
import { Button, LinkButton } from '../../ui/button';
import { Card } from '../../ui/card';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import { hasAnyRole, useSession } from '../auth/session';
import { useFamily } from '../family/api';
import { useEnrol, useProgramme } from './clubs-api';
import styles from './clubs.module.css';
import { messages } from './messages';

/**
 * A programme's page. Enrolment takes three taps from here: the group's «Записаться», the child,
 * «Подтвердить запись».
 */
export function ProgrammePage() {
  const { locale } = useI18n();
  const m = messages[locale];
  const id = Number(useParams().id);
  const query = useProgramme(id);
  const p = query.data;
  if (query.error) return <ProblemAlert error={query.error} title={m.loadFailed} />;
  if (!p) return <Spinner label={m.title} />;
  return (
    <div className={styles.page}>
      <p>
        <Link to="/clubs">← {m.back}</Link>
      </p>
      <PageHeader
        title={p.title}
        lead={`${p.organisation.shortName}${p.organisation.municipality ? ` · ${p.organisation.municipality}` : ''}`}
        eyebrow={<Badge tone="info">{m.directions[p.direction]}</Badge>}
      />
      <p className={styles.meta}>
        <span>{m.ages(p.ageMin, p.ageMax)}</span>
        <span>{m.levels[p.level]}</span>
        <span>{m.formats[p.format]}</span>
        {p.ovzTypes.length > 0 && (
          <span>{`${m.ovz}: ${p.ovzTypes.map((o) => m.ovzTypes[o]).join(', ')}`}</span>
        )}
      </p>
      {p.description && <p>{p.description}</p>}
      <p>
        <Link to={`/feedback/new?organisationId=${p.organisation.id}&category=education.clubs`}>
          {m.reportProblem}
        </Link>
      </p>
      {p.goals && (
        <Card title={m.goals} flat>
          <p>{p.goals}</p>
        </Card>
      )}
      {p.entranceTests && <Alert tone="info">{m.entranceTests}</Alert>}
      <dl>
        {p.teacherName && (
          <>
            <dt>{m.teacher}</dt>
            <dd>{p.teacherName}</dd>
          </>
        )}
        {p.address && (
          <>
            <dt>{m.address}</dt>
            <dd>{p.address}</dd>
          </>
        )}
      </dl>
      <h2>{m.groups}</h2>
      <ul className={styles.groups}>
        {p.groups.map((g) => (
          <GroupCard key={g.id} group={g} />
        ))}
      </ul>
    </div>
  );
}

function GroupCard({ group: g }: { group: ClubGroup }) {
  const { locale } = useI18n();
  const m = messages[locale];
  const [open, setOpen] = useState(false);
  const [done, setDone] = useState<Enrolment | null>(null);
  const joinable = g.notJoinable.every((r) => r === 'full');
  const days = g.schedule.map((s) => `${m.weekdays[s.weekday]} ${s.start}`).join(', ');
  return (
    <Card as="li" headingLevel={3} title={g.name}>
      <p className={styles.meta}>
        <Badge tone={g.freeSeats > 0 ? 'success' : 'warning'}>{m.seatsOf(g.freeSeats, g.seats)}</Badge>
        {g.waitlisted > 0 && <span>{m.waitlisted(g.waitlisted)}</span>}
        <span>{g.financing === 'paid' && g.monthlyPrice ? m.fromPrice(g.monthlyPrice) : m.free}</span>
      </p>
      <p className={styles.meta}>
        <span>{m.window(g.enrolmentOpensOn, g.enrolmentClosesOn)}</span>
        <span>{m.starts(g.startsOn)}</span>
        <span>{m.hours(g.hoursPerYear)}</span>
        {days && <span>{`${m.schedule}: ${days}`}</span>}
      </p>
      {g.notJoinable.map((r) => (
        <p key={r}>{m.reasons[r]}</p>
      ))}
      {done ? (
        <Alert tone="success" live="status" title={m.enrolled(done.number)}>
          {done.waitlistPlace !== null
            ? m.waitlistPlace(done.waitlistPlace)
            : done.reviewDue
              ? m.reviewDue(done.reviewDue)
              : null}{' '}
          <Link to="/my/clubs">{m.myTitle}</Link>
        </Alert>
      ) : open ? (
        <ChooseChild groupId={g.id} onDone={setDone} onCancel={() => setOpen(false)} />
      ) : (
        joinable && (
          <Button variant="primary" onClick={() => setOpen(true)}>
            {g.freeSeats > 0 ? m.enrol : m.joinWaitlist}
          </Button>
        )
      )}
    </Card>
  );
}

function ChooseChild({
  groupId,
  onDone,
  onCancel,
}: {
  groupId: number;
  onDone: (e: Enrolment) => void;
  onCancel: () => void;
}) {
  const { locale } = useI18n();
  const m = messages[locale];
  const location = useLocation();
  const { user } = useSession();
  const citizen = hasAnyRole(user, ['citizen']);
  const family = useFamily();
  const enrol = useEnrol();
  const [childId, setChildId] = useState<string | null>(null);
  if (!citizen) {
    const returnTo = `${location.pathname}${location.search}`;
    return (
      <LinkButton variant="primary" to={`/login?${new URLSearchParams({ returnTo }).toString()}`}>
        {m.signInToEnrol}
      </LinkButton>
    );
  }
  if (family.error) return <ProblemAlert error={family.error} title={m.loadFailed} />;
  if (!family.data) return <Spinner label={m.chooseChild} />;
  const children = family.data.children;
  if (children.length === 0) return <Alert tone="info">{m.noChildren}</Alert>;
  return (
    <fieldset>
      <legend>{m.chooseChild}</legend>
      <ul className={styles.choices}>
        {children.map((c) => (
          <li key={c.id}>
            <Button
              className={styles.choice}
              variant={childId === c.id ? 'primary' : 'outline'}
              aria-pressed={childId === c.id}
              onClick={() => setChildId(c.id)}
            >
              {`${c.firstName} ${c.lastName}, ${c.birthDate}`}
            </Button>
          </li>
        ))}
      </ul>
      {enrol.error && <ProblemAlert error={enrol.error} title={m.loadFailed} />}
      <div className={styles.actions}>
        <Button
          variant="primary"
          disabled={!childId}
          loading={enrol.isPending}
          onClick={() => childId && enrol.mutate({ childId, groupId }, { onSuccess: onDone })}
        >
          {m.confirm}
        </Button>
        <Button variant="ghost" onClick={onCancel}>
          {m.cancel}
        </Button>
      </div>
    </fieldset>
  );
}
