import { Link } from 'react-router';
import { useRegion } from '../features/region/region';
import { useT } from '../i18n/i18n-context';
import styles from './site-footer.module.css';

export function SiteFooter() {
  const t = useT();
  const { name } = useRegion();
  return (
    <footer className={styles.footer}>
      <div className={styles.inner}>
        <div className={styles.about}>
          <p className={styles.product}>{t('app.name')}</p>
          <p>{t('footer.about')}</p>
        </div>
        <nav aria-label={t('footer.links')}>
          <ul className={styles.links}>
            <li>
              <a href="/open-data/">{t('footer.openData')}</a>
            </li>
            <li>
              <a href="/api/docs">{t('footer.apiDocs')}</a>
            </li>
            <li>
              <Link to="/accessibility">{t('footer.accessibility')}</Link>
            </li>
            <li>
              <a href="https://opensource.org/license/mit" rel="license noreferrer">
                {t('footer.license')}
              </a>
            </li>
          </ul>
        </nav>
      </div>
      <div className={styles.bottom}>
        <p>{t('footer.copyright', { year: new Date().getFullYear(), region: name })}</p>
      </div>
    </footer>
  );
}
