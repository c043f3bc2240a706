import type { KindergartenPhoto } from '@contracts/kindergarten-catalog';
import type { Locale } from '../../i18n/messages';
import styles from './photo-gallery.module.css';

/**
 * The kindergarten's photos, loaded only as they scroll into view. Width and height (when the upload's
 * header gave them) let the browser reserve the space, so the page does not jump as they arrive.
 */
export function PhotoGallery({ photos, locale }: { photos: KindergartenPhoto[]; locale: Locale }) {
  return (
    <ul className={styles.gallery}>
      {photos.map((p) => (
        <li key={p.id ?? p.url}>
          <img
            src={p.url}
            alt={locale === 'en' && p.altEn ? p.altEn : p.alt}
            loading="lazy"
            decoding="async"
            {...(p.width && p.height ? { width: p.width, height: p.height } : {})}
          />
        </li>
      ))}
    </ul>
  );
}
