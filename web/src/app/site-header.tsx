import { useEffect, useId, useRef, useState } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import type { Role } from '../api/contracts';
import { useLogout, useSession } from '../features/auth/session';
import { useNotifications } from '../features/notifications/notifications';
import { useRegion } from '../features/region/region';
import { useI18n } from '../i18n/i18n-context';
import { BellIcon, CloseIcon, MenuIcon, UserIcon } from '../ui/icons';
import { publicNavGroups, roleNavFor, type NavItem } from './navigation';
import styles from './site-header.module.css';

function NavEntry({ item, onNavigate }: { item: NavItem; onNavigate: () => void }) {
  const { t } = useI18n();
  if (item.external) {
    return (
      <li>
        <a href={item.to} className={styles.navLink}>
          {t(item.label)}
        </a>
      </li>
    );
  }
  return (
    <li>
      <NavLink to={item.to} end={item.end} className={styles.navLink} onClick={onNavigate}>
        {t(item.label)}
      </NavLink>
    </li>
  );
}

function NotificationsBell() {
  const { tn, t } = useI18n();
  const { data } = useNotifications(true);
  const unread = data?.unread ?? 0;
  return (
    <NavLink
      to="/notifications"
      className={styles.iconButton}
      aria-label={unread > 0 ? tn('header.notificationsUnread', unread) : t('header.notifications')}
    >
      <BellIcon />
      {unread > 0 && (
        <span className={styles.counter} aria-hidden="true">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}

function LanguageSwitch({ className }: { className?: string }) {
  const { locale, setLocale, t } = useI18n();
  const next = locale === 'ru' ? 'en' : 'ru';
  return (
    <button
      type="button"
      className={[styles.langButton, className].filter(Boolean).join(' ')}
      lang={next}
      onClick={() => setLocale(next)}
    >
      <span aria-hidden="true" className={styles.langCode}>
        {next.toUpperCase()}
      </span>
      {next === 'en' ? t('header.languageEn') : t('header.languageRu')}
    </button>
  );
}

export function SiteHeader() {
  const { t } = useI18n();
  const { name: regionName } = useRegion();
  const { user, demoMode } = useSession();
  const navigate = useNavigate();
  const logout = useLogout({ onSignedOut: () => void navigate('/') });
  const location = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const menuButton = useRef<HTMLButtonElement>(null);
  const menuId = useId();

  const roles = new Set<Role>(user?.grants.map((g) => g.role) ?? []);
  const roleNav = roleNavFor(roles);
  const publicNav = publicNavGroups();
  const close = () => setMenuOpen(false);

  // The menu closes on navigation (including back/forward) …
  const [lastPath, setLastPath] = useState(location.pathname);
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setMenuOpen(false);
  }

  // … and on Escape, returning focus to the button that opened it.
  useEffect(() => {
    if (!menuOpen) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setMenuOpen(false);
      menuButton.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [menuOpen]);

  const signOut = () => {
    close();
    logout.mutate();
  };

  const loginHref =
    location.pathname === '/login'
      ? '/login'
      : `/login?${new URLSearchParams({ returnTo: location.pathname + location.search }).toString()}`;

  return (
    <header className={styles.header}>
      {demoMode && <div className={styles.demo}>{t('app.demoMode')}</div>}
      <div className={styles.bar}>
        {/* The name comes from the visible text (WCAG 2.5.3): a speech user says what they see. */}
        <Link to="/" className={styles.brand}>
          <span className={styles.logo} aria-hidden="true">
            <svg viewBox="0 0 32 32" width="40" height="40">
              <rect width="32" height="32" rx="9" fill="currentColor" />
              <path d="M9 17.5 16 10l7 7.5V24h-4.5v-4.5h-5V24H9z" fill="#fff" />
            </svg>
          </span>
          <span className={styles.brandText}>
            <span className={styles.product}>{t('app.name')}</span>{' '}
            <span className={styles.region}>{regionName}</span>
          </span>
        </Link>

        <div className={styles.tools}>
          <LanguageSwitch className={styles.desktopOnly} />
          {user && <NotificationsBell />}
          {user ? (
            <>
              <NavLink to="/account" className={`${styles.account} ${styles.desktopOnly}`}>
                <UserIcon size={22} />
                <span className={styles.accountName}>{user.fullName}</span>
              </NavLink>
              <button
                type="button"
                className={`${styles.textButton} ${styles.desktopOnly}`}
                onClick={signOut}
                disabled={logout.isPending}
              >
                {t('header.signOut')}
              </button>
            </>
          ) : (
            location.pathname !== '/login' && (
              <Link to={loginHref} className={`${styles.signIn} ${styles.desktopOnly}`}>
                {t('header.signIn')}
              </Link>
            )
          )}
          <button
            ref={menuButton}
            type="button"
            className={styles.menuButton}
            aria-expanded={menuOpen}
            aria-controls={menuId}
            onClick={() => setMenuOpen((open) => !open)}
          >
            {menuOpen ? <CloseIcon /> : <MenuIcon />}
            <span>{t('nav.menu')}</span>
          </button>
        </div>
      </div>

      <nav id={menuId} aria-label={t('nav.label')} className={styles.nav} data-open={menuOpen}>
        <div className={styles.navInner}>
          {/* One list per service, so six services still read as six short groups in the phone menu. */}
          {publicNav.map((group, i) => (
            <ul key={group.module?.id ?? `platform-${i}`} className={`${styles.navList} ${styles.navGroup}`}>
              {group.items.map((item) => (
                <NavEntry key={item.to} item={item} onNavigate={close} />
              ))}
            </ul>
          ))}
          {roleNav.length > 0 && (
            <ul className={`${styles.navList} ${styles.roleNav}`} aria-label={t('nav.staffGroup')}>
              {roleNav.map((item) => (
                <NavEntry key={item.to} item={item} onNavigate={close} />
              ))}
            </ul>
          )}
          <div className={styles.mobileTools}>
            {user ? (
              <>
                <NavLink
                  to="/account"
                  className={`${styles.navLink} ${styles.mobileAccount}`}
                  onClick={close}
                >
                  <span>{t('header.account')}</span>
                  <span className={styles.mobileName}>{user.fullName}</span>
                </NavLink>
                <button
                  type="button"
                  className={styles.navLink}
                  onClick={signOut}
                  disabled={logout.isPending}
                >
                  {t('header.signOut')}
                </button>
              </>
            ) : (
              <Link to={loginHref} className={styles.navLink} onClick={close}>
                {t('header.signIn')}
              </Link>
            )}
            <LanguageSwitch className={styles.navLink} />
          </div>
        </div>
      </nav>
    </header>
  );
}
