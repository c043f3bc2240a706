import { useEffect } from 'react';
import { useT } from '../i18n/i18n-context';

/** Sets `<title>`: «Page — Открытый регион», or just the product name for an empty title. */
export function useDocumentTitle(title: string | null | undefined): void {
  const t = useT();
  const product = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} — ${product}` : product;
  }, [title, product]);
}
