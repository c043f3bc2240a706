import { Link } from 'react-router';
import type { NavGroup } from '../../app/navigation';
import { useI18n } from '../../i18n/i18n-context';
import styles from './home.module.css';

/** Staff: the sections of their roles, grouped by service, read from the services' manifests. */
export function StaffWork({ groups }: { groups: readonly NavGroup[] }) {
  const t = useI18n().t;
  return (
    <section aria-labelledby="work-title" className={styles.panel}>
      <h2 id="work-title" className={styles.sectionTitle}>
        {t('home.work.title')}
      </h2>
      <p className={styles.panelLead}>{t('home.work.lead')}</p>
      <div className={styles.workGroups}>
        {groups.map((group) => {
          const heading = group.module ? t(group.module.title) : t('home.work.platform');
          return (
            <div key={group.module?.id ?? 'platform'} className={styles.workGroup}>
              <h3 className={styles.resultGroup}>{heading}</h3>
              <ul className={styles.quickLinks}>
                {group.items.map((item) => (
                  <li key={item.to}>
                    <Link to={item.to}>{t(item.label)}</Link>
                  </li>
                ))}
              </ul>
            </div>
          );
        })}
      </div>
    </section>
  );
}
