import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router';

const WAIT_FOR_HEADING_MS = 3000;

/**
 * After an in-app navigation, move focus to the new page's h1 (or <main>) so keyboard and screen reader
 * users start at the content, as on a full page load. The first render keeps the browser's own focus.
 * Pages load lazily, so the heading may appear a moment after the URL changes: wait for it briefly,
 * with <main> as the fallback.
 */
export function useRouteFocus(mainId: string): void {
  const { pathname } = useLocation();
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    window.scrollTo({ top: 0 });
    const main = document.getElementById(mainId);
    const focusHeading = () => {
      const heading = (main ?? document).querySelector<HTMLElement>('[data-page-heading]');
      if (!heading) return false;
      heading.focus({ preventScroll: true });
      return true;
    };
    const observer = new MutationObserver(() => {
      if (focusHeading()) observer.disconnect();
    });
    // After the next paint the new page has replaced the old one.
    const frame = window.requestAnimationFrame(() => {
      if (focusHeading() || !main) return;
      main.focus({ preventScroll: true });
      observer.observe(main, { childList: true, subtree: true });
    });
    const timer = window.setTimeout(() => observer.disconnect(), WAIT_FOR_HEADING_MS);
    return () => {
      window.cancelAnimationFrame(frame);
      observer.disconnect();
      window.clearTimeout(timer);
    };
  }, [pathname, mainId]);
}
