import { Link } from 'react-router';
import { useI18n } from '../../i18n/i18n-context';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { EmptyState } from '../../ui/empty-state';
import { BellIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Skeleton, Spinner } from '../../ui/spinner';
import { useMarkNotificationRead, useNotifications } from './notifications';
import styles from './notifications.module.css';

/** In-app links stay in the app; anything else (server pages, other sites) is a plain link. */
function isAppPath(link: string): boolean {
  return link.startsWith('/') && !link.startsWith('//') && !/^\/(api|oidc|open-data)\//.test(link);
}

export function Component() {
  const { t, tn, formatDate } = useI18n();
  const query = useNotifications(true);
  const markRead = useMarkNotificationRead();

  const items = query.data?.items ?? [];
  const unread = query.data?.unread ?? 0;

  return (
    <>
      <PageHeader
        title={t('notifications.title')}
        lead={t('notifications.lead')}
        actions={
          query.data &&
          items.length > 0 && (
            <Badge tone={unread > 0 ? 'info' : 'neutral'}>
              {unread > 0 ? tn('notifications.summary', unread) : t('notifications.allRead')}
            </Badge>
          )
        }
      />

      {query.isPending && (
        <div className={styles.list} aria-busy="true">
          <Spinner label={t('common.loading')} hideLabel />
          {[0, 1, 2].map((i) => (
            <div key={i} className={styles.item}>
              <Skeleton width="40%" height="1.25em" />
              <Skeleton width="85%" />
            </div>
          ))}
        </div>
      )}

      {query.isError && (
        <ProblemAlert
          error={query.error}
          actions={
            <Button size="small" variant="outline" onClick={() => void query.refetch()}>
              {t('common.retry')}
            </Button>
          }
        />
      )}

      {markRead.isError && <ProblemAlert error={markRead.error} />}

      {query.isSuccess && items.length === 0 && (
        <EmptyState
          icon={<BellIcon />}
          title={t('notifications.empty.title')}
          text={t('notifications.empty.text')}
        />
      )}

      {items.length > 0 && (
        <ul className={styles.list}>
          {items.map((n) => (
            <li key={n.id} className={[styles.item, !n.read && styles.unread].filter(Boolean).join(' ')}>
              <div className={styles.head}>
                <h2 className={styles.title}>{n.title}</h2>
                {!n.read && <Badge tone="info">{t('notifications.new')}</Badge>}
              </div>
              <p className={styles.body}>{n.body}</p>
              <div className={styles.meta}>
                <time dateTime={n.createdAt}>
                  {formatDate(n.createdAt, { dateStyle: 'long', timeStyle: 'short' })}
                </time>
                <div className={styles.actions}>
                  {n.link &&
                    (isAppPath(n.link) ? (
                      <Link to={n.link} onClick={() => !n.read && markRead.mutate(n.id)}>
                        {t('notifications.open')}
                      </Link>
                    ) : (
                      <a href={n.link} onClick={() => !n.read && markRead.mutate(n.id)}>
                        {t('notifications.open')}
                      </a>
                    ))}
                  {!n.read && (
                    <Button
                      size="small"
                      variant="ghost"
                      onClick={() => markRead.mutate(n.id)}
                      aria-label={t('notifications.markReadLabel', { title: n.title })}
                    >
                      {t('notifications.markRead')}
                    </Button>
                  )}
                </div>
              </div>
            </li>
          ))}
        </ul>
      )}
    </>
  );
}
