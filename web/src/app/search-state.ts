import { useCallback, useEffect, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';

/**
 * The page's query string as state that changes at once, mirrored into the URL.
 *
 * The router applies a URL change later (navigation is async and rendered in a transition), so
 * inputs controlled straight from the URL snap back between an event and the new URL: a ticked
 * checkbox shows unticked, a letter typed meanwhile is lost, and a second quick change built on the
 * old URL undoes the first. Here the state is local and the URL follows it; a URL change that did
 * not come from here (back, forward, a link) replaces the state.
 *
 * `update` gets the latest state, not the one of the render that made the caller: an address found
 * after a slow request must not undo the filters ticked while it was being looked up.
 *
 * A change replaces the current history entry unless `push` is asked for: a tick or a keystroke is
 * not a step to go back to, a drill-down into a municipality is.
 */
export function useSearchState(): [
  URLSearchParams,
  (change: (current: URLSearchParams) => URLSearchParams, options?: { push?: boolean }) => void,
] {
  const [params, setParams] = useSearchParams();
  const location = useLocation();
  const [search, setSearch] = useState(() => params.toString());
  const latest = useRef(search);
  // Query strings written but not yet seen in the URL, oldest first.
  const pending = useRef<string[]>([]);

  useEffect(() => {
    const landed = new URLSearchParams(location.search).toString();
    const at = pending.current.indexOf(landed);
    if (at >= 0) {
      // One of ours (perhaps superseded by a later one still on its way): keep the local state.
      pending.current.splice(0, at + 1);
      return;
    }
    pending.current = [];
    latest.current = landed;
    setSearch(landed);
    // Keyed on every navigation, even one back to the same query string.
  }, [location.key, location.search]);

  const update = useCallback(
    (change: (current: URLSearchParams) => URLSearchParams, options?: { push?: boolean }) => {
      const next = change(new URLSearchParams(latest.current));
      const value = next.toString();
      latest.current = value;
      setSearch(value);
      pending.current.push(value);
      setParams(next, { replace: !options?.push });
    },
    [setParams],
  );

  return [new URLSearchParams(search), update];
}
