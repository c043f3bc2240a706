import { useState } from 'react';
import type { FamilyChild } from '@contracts/platform-families';
import { SERVICE_MODULES } from '../../app/service-modules';
import { useI18n } from '../../i18n/i18n-context';
import { Link } from 'react-router';
import { Badge, type BadgeTone } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { ProblemAlert } from '../../ui/problem-alert';
import { useInvite } from './api';
import styles from './family.module.css';
import { HealthFacts } from './health-facts-editor';
import { fill, messages } from './messages';

const STATE_TONE: Record<FamilyChild['requests'][number]['state'], BadgeTone> = {
  open: 'info',
  done: 'success',
  refused: 'danger',
  withdrawn: 'neutral',
};

/** One child: who, where they attend, their representatives, health facts, inviting the other parent. */
export function ChildCard({ child }: { child: FamilyChild }) {
  const { locale, formatDate, t } = useI18n();
  const m = messages[locale];
  // Each service names its own kinds of request (its manifest's requestKinds).
  const requestName = (module: string, kind: string) => {
    const key = SERVICE_MODULES.find((s) => s.id === module)?.requestKinds?.[kind];
    return key ? t(key) : kind;
  };
  const name = [child.lastName, child.firstName, child.patronymic].filter(Boolean).join(' ');
  return (
    <Card as="article" title={name} headingLevel={2} className={styles.child}>
      <p className={styles.row}>
        <span>
          {m.born}: {formatDate(child.birthDate, { dateStyle: 'long' })}
          {child.sex ? ` · ${child.sex === 'm' ? m.sexM : m.sexF}` : ''}
        </span>
        <Badge tone={child.source === 'esia' ? 'info' : 'neutral'}>{m.sources[child.source]}</Badge>
      </p>
      <p className={styles.muted}>
        {m.certificate}: {child.birthCertificate}
        {child.snils ? ` · ${m.snils}: ${child.snils}` : ''}
      </p>

      <section className={styles.section} aria-labelledby={`attends-${child.id}`}>
        <h3 id={`attends-${child.id}`} className={styles.sectionTitle}>
          {m.attends}
        </h3>
        {child.attends.length === 0 ? (
          <p className={styles.muted}>{m.attendsNone}</p>
        ) : (
          <ul className={styles.plain}>
            {child.attends.map((a, i) => (
              <li key={`${a.module}-${a.organisationId}-${i}`}>
                <span className={styles.kind}>{m.kinds[a.kind]}</span> {a.organisationName}
                {a.unit ? `, ${a.unit}` : ''}
                {a.since && (
                  <span className={styles.muted}>
                    {' '}
                    ({fill(m.since, { date: formatDate(a.since, { dateStyle: 'medium' }) })})
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}
      </section>

      {child.requests.length > 0 && (
        <section className={styles.section} aria-labelledby={`requests-${child.id}`}>
          <h3 id={`requests-${child.id}`} className={styles.sectionTitle}>
            {m.requests}
          </h3>
          <ul className={styles.plain}>
            {child.requests.map((r) => (
              <li key={`${r.module}-${r.link}`} className={styles.row}>
                <Link to={r.link}>
                  {requestName(r.module, r.kind)}
                  {r.reference ? ` № ${r.reference}` : ''}
                </Link>
                <span className={styles.muted}>
                  {fill(m.requestFrom, { date: formatDate(r.submittedAt, { dateStyle: 'medium' }) })}
                </span>
                <Badge tone={STATE_TONE[r.state]}>{m.requestStates[r.state]}</Badge>
              </li>
            ))}
          </ul>
        </section>
      )}

      <section className={styles.section} aria-labelledby={`reps-${child.id}`}>
        <h3 id={`reps-${child.id}`} className={styles.sectionTitle}>
          {m.representatives}
        </h3>
        <ul className={styles.plain}>
          {child.representatives.map((r, i) => (
            <li key={i}>
              {r.fullName} — {m.relations[r.relation]}
              {r.isMe ? ` (${m.me})` : ''}
            </li>
          ))}
        </ul>
        <InvitePanel childId={child.id} />
      </section>

      <HealthFacts child={child} />
    </Card>
  );
}

function InvitePanel({ childId }: { childId: string }) {
  const { locale, formatDate } = useI18n();
  const m = messages[locale];
  const invite = useInvite(childId);
  const [copied, setCopied] = useState(false);
  const code = invite.data?.code;
  return (
    <div className={styles.invite}>
      <p className={styles.muted}>{m.inviteText}</p>
      {invite.isError && <ProblemAlert error={invite.error} />}
      {code ? (
        <div className={styles.codeBox} role="status">
          <span className={styles.muted}>{m.inviteCode}</span>
          <code className={styles.code} data-testid="invitation-code">
            {code}
          </code>
          <span className={styles.muted}>
            {fill(m.inviteExpires, { date: formatDate(invite.data!.expiresAt, { dateStyle: 'long' }) })}
          </span>
          <Button
            type="button"
            size="small"
            variant="outline"
            onClick={() => {
              void navigator.clipboard?.writeText(code).then(() => setCopied(true));
            }}
          >
            {copied ? m.copied : m.copy}
          </Button>
        </div>
      ) : (
        <Button
          type="button"
          size="small"
          variant="outline"
          onClick={() => invite.mutate()}
          disabled={invite.isPending}
        >
          {m.inviteButton}
        </Button>
      )}
    </div>
  );
}
