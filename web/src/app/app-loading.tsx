import { useT } from '../i18n/i18n-context';
import styles from './app-loading.module.css';

/** Shown only while the first lazy route loads; it fades in late so a fast load shows nothing at all. */
export function AppLoading() {
  const t = useT();
  return (
    <div className={styles.loading} role="status">
      <span className={styles.spinner} aria-hidden="true" />
      <span className="visually-hidden">{t('common.loading')}</span>
    </div>
  );
}
