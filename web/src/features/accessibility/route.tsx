import { useT } from '../../i18n/i18n-context';
import { PageHeader } from '../../ui/page-header';
import styles from './accessibility.module.css';

export function Component() {
  const t = useT();
  return (
    <>
      <PageHeader title={t('a11y.title')} lead={t('a11y.lead')} />
      <div className={styles.prose}>
        <p>{t('a11y.p1')}</p>
        <p>{t('a11y.p2')}</p>
        <p>{t('a11y.p3')}</p>
      </div>
    </>
  );
}
