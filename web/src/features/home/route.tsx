import { useRegion } from '../region/region';
import { useT } from '../../i18n/i18n-context';
import type { MessageKey } from '../../i18n/messages';
import { LinkButton } from '../../ui/button';
import { LinkCard } from '../../ui/card';
import { useDocumentTitle } from '../../ui/document-title';
import { ChartIcon, DocumentIcon, QueueIcon, SearchIcon, ShieldIcon } from '../../ui/icons';
import { HeroIllustration } from './hero-illustration';
import styles from './home.module.css';

const SERVICES = [
  { to: '/kindergartens', title: 'home.find.title', text: 'home.find.text', icon: <SearchIcon /> },
  { to: '/my', title: 'home.apply.title', text: 'home.apply.text', icon: <DocumentIcon /> },
  { to: '/queue', title: 'home.queue.title', text: 'home.queue.text', icon: <QueueIcon /> },
  { to: '/statistics', title: 'home.stats.title', text: 'home.stats.text', icon: <ChartIcon /> },
] as const satisfies readonly { to: string; title: MessageKey; text: MessageKey; icon: unknown }[];

const STEPS = [
  ['home.how.1.title', 'home.how.1.text'],
  ['home.how.2.title', 'home.how.2.text'],
  ['home.how.3.title', 'home.how.3.text'],
  ['home.how.4.title', 'home.how.4.text'],
] as const satisfies readonly (readonly [MessageKey, MessageKey])[];

const FAIR = ['home.fair.1', 'home.fair.2', 'home.fair.3'] as const satisfies readonly MessageKey[];

export function Component() {
  const t = useT();
  const { name: regionName } = useRegion();
  useDocumentTitle(t('home.title'));

  return (
    <div className={styles.page}>
      <section className={styles.hero} aria-labelledby="home-title">
        <div className={styles.heroText}>
          <p className={styles.eyebrow}>{regionName}</p>
          <h1 id="home-title" tabIndex={-1} data-page-heading>
            {t('home.h1')}
          </h1>
          <p className={styles.lead}>{t('home.lead')}</p>
          <div className={styles.heroActions}>
            <LinkButton to="/my">{t('home.primaryAction')}</LinkButton>
            <LinkButton to="/queue" variant="secondary">
              {t('home.secondaryAction')}
            </LinkButton>
          </div>
        </div>
        <HeroIllustration className={styles.illustration} />
      </section>

      <section aria-labelledby="services-title">
        <h2 id="services-title" className={styles.sectionTitle}>
          {t('home.servicesTitle')}
        </h2>
        <div className={styles.cards}>
          {SERVICES.map((s) => (
            <LinkCard key={s.to} to={s.to} title={t(s.title)} description={t(s.text)} icon={s.icon} />
          ))}
        </div>
      </section>

      <section aria-labelledby="how-title" className={styles.how}>
        <h2 id="how-title" className={styles.sectionTitle}>
          {t('home.howTitle')}
        </h2>
        <ol className={styles.steps}>
          {STEPS.map(([title, text], i) => (
            <li key={title} className={styles.step}>
              <span className={styles.stepNumber} aria-hidden="true">
                {i + 1}
              </span>
              <div>
                <h3 className={styles.stepTitle}>{t(title)}</h3>
                <p className={styles.stepText}>{t(text)}</p>
              </div>
            </li>
          ))}
        </ol>
      </section>

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
