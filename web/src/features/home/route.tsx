import type { Role } from '../../api/contracts';
import { roleNavGroups } from '../../app/navigation';
import { SERVICE_MODULES } from '../../app/service-modules';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { useDocumentTitle } from '../../ui/document-title';
import { ShieldIcon } from '../../ui/icons';
import { useSession } from '../auth/session';
import { useRegion } from '../region/region';
import { HeroIllustration } from './hero-illustration';
import { FamilyOffers } from './family-offers';
import styles from './home.module.css';
import { MyRequests } from './my-requests';
import { PortalNews } from './portal-news';
import { PortalSearch } from './portal-search';
import { ServiceCards } from './service-cards';
import { StaffWork } from './staff-work';

const FAIR = ['home.fair.1', 'home.fair.2', 'home.fair.3'] as const satisfies readonly MessageKey[];

/**
 * The region's portal for families: a signed-in parent's requests (or a staff member's work) first,
 * then every service as a card, a search across them, and the services' news. It reads the services
 * from their manifests only.
 */
export function Component() {
  const t = useT();
  const { name: regionName } = useRegion();
  const { user } = useSession();
  useDocumentTitle(t('home.title'));

  const roles = new Set<Role>(user?.grants.map((g) => g.role) ?? []);
  const roleGroups = roleNavGroups(roles);
  const citizen = user?.kind === 'citizen';

  return (
    <div className={styles.page}>
      <section className={styles.hero} aria-labelledby="home-title">
        <div className={styles.heroText}>
          <p className={styles.eyebrow}>{regionName}</p>
          <h1 id="home-title" tabIndex={-1} data-page-heading>
            {t('home.h1')}
          </h1>
          <p className={styles.lead}>{t('home.lead')}</p>
          <PortalSearch modules={SERVICE_MODULES} />
        </div>
        <HeroIllustration className={styles.illustration} />
      </section>

      {user && citizen && <MyRequests modules={SERVICE_MODULES} links={roleGroups.flatMap((g) => g.items)} />}
      {user && citizen && <FamilyOffers modules={SERVICE_MODULES} />}
      {user && !citizen && roleGroups.length > 0 && <StaffWork groups={roleGroups} />}

      <section aria-labelledby="services-title">
        <h2 id="services-title" className={styles.sectionTitle}>
          {t('home.servicesTitle')}
        </h2>
        <ServiceCards modules={SERVICE_MODULES} />
      </section>

      <PortalNews />

      <section aria-labelledby="fair-title" className={styles.fair}>
        <div className={styles.fairIcon}>
          <ShieldIcon size={32} />
        </div>
        <div className={styles.fairBody}>
          <h2 id="fair-title" className={styles.sectionTitle}>
            {t('home.fairTitle')}
          </h2>
          <ul className={styles.fairList}>
            {FAIR.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
          <p>
            <a href="/open-data/" className={styles.fairLink}>
              {t('home.fairLink')}
            </a>
          </p>
        </div>
      </section>
    </div>
  );
}
