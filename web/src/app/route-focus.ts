import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

/**
 * After an in-app navigation, move focus to the new page's h1 (or <main>) so keyboard and screen reader
 * users start at the content, as on a full page load. The first render keeps the browser's own focus.
 */
export function useRouteFocus(mainId: string): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const heading = document.querySelector<HTMLElement>('[data-page-heading]');
    const target = heading ?? document.getElementById(mainId);
    target?.focus({ preventScroll: true });
    window.scrollTo({ top: 0 });
  }, [pathname, mainId]);
}
