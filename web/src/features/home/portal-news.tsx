import type { PortalNewsItem } from '@contracts/platform-portal';
import { useI18n } from '../../i18n/i18n-context';
import { EmptyState } from '../../ui/empty-state';
import styles from './home.module.css';
import { usePortalNews } from './portal-api';

function NewsItem({ item }: { item: PortalNewsItem }) {
  const { locale, formatDate } = useI18n();
  const title = (locale === 'en' && item.titleEn) || item.titleRu;
  const body = (locale === 'en' && item.bodyEn) || item.bodyRu;
  // News is written in Russian first: a text without its English version is marked as Russian.
  const ruIfMissing = (english: string | null) => (locale === 'en' && !english ? 'ru' : undefined);
  return (
    <li className={styles.newsItem}>
      <time dateTime={item.publishedOn} className={styles.newsDate}>
        {formatDate(item.publishedOn)}
      </time>
      <h3 className={styles.newsTitle} lang={ruIfMissing(item.titleEn)}>
        {item.link ? <a href={item.link}>{title}</a> : title}
      </h3>
      <p className={styles.serviceText} lang={ruIfMissing(item.bodyEn)}>
        {body}
      </p>
    </li>
  );
}

/** News of the region's services; quiet when there is none or the server has no news yet. */
export function PortalNews() {
  const t = useI18n().t;
  const { data } = usePortalNews();
  const items = data?.items ?? [];
  return (
    <section aria-labelledby="news-title">
      <h2 id="news-title" className={styles.sectionTitle}>
        {t('home.news.title')}
      </h2>
      {items.length === 0 ? (
        <EmptyState headingLevel={3} title={t('home.news.empty')} text={t('home.news.emptyText')} />
      ) : (
        <ul className={styles.news}>
          {items.map((item) => (
            <NewsItem key={item.id} item={item} />
          ))}
        </ul>
      )}
    </section>
  );
}
