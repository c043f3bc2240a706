import { Link } from 'react-router';
import type { FamilyRequest } from '@contracts/platform-portal';
import type { NavItem, ServiceModule } from '../../app/service-module';
import { useI18n } from '../../i18n/i18n-context';
import { Alert } from '../../ui/alert';
import { Badge, type BadgeTone } from '../../ui/badge';
import { EmptyState } from '../../ui/empty-state';
import { Spinner } from '../../ui/spinner';
import styles from './home.module.css';
import { useOpenRequests } from './portal-api';

const STATE_TONE: Record<FamilyRequest['state'], BadgeTone> = {
  open: 'info',
  done: 'success',
  refused: 'danger',
  withdrawn: 'neutral',
};

function RequestItem({ request, modules }: { request: FamilyRequest; modules: readonly ServiceModule[] }) {
  const { t, formatDate } = useI18n();
  const module = modules.find((m) => m.id === request.module);
  const kind = module?.requestKinds?.[request.kind];
  const name = kind ? t(kind) : module ? t(module.title) : t('home.family.request');
  // The number stays on one line: «№ 01-2024-000912» broken at its hyphen reads as two numbers.
  const title = request.reference ? (
    <>
      {name},{' '}
      <span className={styles.nowrap}>{t('home.family.reference', { reference: request.reference })}</span>
    </>
  ) : (
    name
  );
  return (
    <li className={styles.request}>
      <div className={styles.requestMain}>
        {request.link ? <Link to={request.link}>{title}</Link> : <span>{title}</span>}
        <span className={styles.resultDetail}>
          {t('home.family.submitted', { date: formatDate(request.submittedAt) })}
        </span>
      </div>
      <Badge tone={STATE_TONE[request.state]}>{t(`home.request.state.${request.state}`)}</Badge>
    </li>
  );
}

/**
 * A signed-in parent's first block: their open requests in every service (the platform registry) and
 * the family sections the services offer them.
 */
export function MyRequests({
  modules,
  links,
}: {
  modules: readonly ServiceModule[];
  links: readonly NavItem[];
}) {
  const t = useI18n().t;
  const { data, isPending, isError } = useOpenRequests(true);
  return (
    <section aria-labelledby="family-title" className={styles.panel}>
      <h2 id="family-title" className={styles.sectionTitle}>
        {t('home.family.title')}
      </h2>
      <p className={styles.panelLead}>{t('home.family.lead')}</p>
      {isPending ? (
        <Spinner label={t('home.family.loading')} />
      ) : isError ? (
        <Alert tone="warning">{t('home.family.unavailable')}</Alert>
      ) : data.items.length === 0 ? (
        <EmptyState headingLevel={3} title={t('home.family.empty')} text={t('home.family.emptyText')} />
      ) : (
        <>
          <ul className={styles.requests}>
            {data.items.map((r) => (
              <RequestItem key={r.id} request={r} modules={modules} />
            ))}
          </ul>
          {data.total > data.items.length && (
            <p className={styles.resultDetail}>
              {t('home.family.more', { count: data.total - data.items.length })}
            </p>
          )}
        </>
      )}
      {links.length > 0 && (
        <ul className={styles.quickLinks}>
          {links.map((item) => (
            <li key={item.to}>
              <Link to={item.to}>{t(item.label)}</Link>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
