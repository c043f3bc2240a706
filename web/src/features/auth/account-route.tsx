import { useNavigate } from 'react-router';
import type { RoleGrant } from '../../api/contracts';
import { useI18n } from '../../i18n/i18n-context';
import { Badge } from '../../ui/badge';
import { Button } from '../../ui/button';
import { Card } from '../../ui/card';
import { LockIcon, ShieldIcon, UserIcon } from '../../ui/icons';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { useRegion } from '../region/region';
import styles from './account.module.css';
import { useLogout, useLogoutAll, useSession } from './session';

function useScopeText() {
  const { t, locale } = useI18n();
  const { region } = useRegion();
  return (grant: RoleGrant): string => {
    if (grant.kindergartenId !== null) return t('account.scope.kindergarten', { id: grant.kindergartenId });
    if (grant.municipalityId !== null) {
      const m = region?.municipalities.find((x) => x.id === grant.municipalityId);
      const name = m ? (locale === 'en' ? m.nameEn : m.nameRu) : `#${grant.municipalityId}`;
      return t('account.scope.municipality', { name });
    }
    return t('account.scope.region');
  };
}

export function Component() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { user } = useSession();
  const leave = () => void navigate('/', { replace: true });
  const logout = useLogout({ onSignedOut: leave });
  const logoutAll = useLogoutAll({ onSignedOut: leave });
  const scopeText = useScopeText();

  // The route guard guarantees a user; this covers the moment right after signing out.
  if (!user) return null;

  return (
    <>
      <PageHeader title={t('account.title')} lead={user.fullName} />
      <div className={styles.grid}>
        <Card title={t('account.profile')} icon={<UserIcon />}>
          <dl className={styles.list}>
            <div>
              <dt>{t('account.name')}</dt>
              <dd>{user.fullName}</dd>
            </div>
            <div>
              <dt>{t('account.email')}</dt>
              <dd>{user.email ?? <span className={styles.muted}>{t('account.notSet')}</span>}</dd>
            </div>
            <div>
              <dt>{t('account.kind')}</dt>
              <dd>{user.kind === 'staff' ? t('account.kind.staff') : t('account.kind.citizen')}</dd>
            </div>
            {user.kind === 'staff' && (
              <div>
                <dt>{t('account.totp')}</dt>
                <dd>
                  <Badge tone={user.totpEnabled ? 'success' : 'neutral'}>
                    {user.totpEnabled ? t('account.totp.on') : t('account.totp.off')}
                  </Badge>
                </dd>
              </div>
            )}
          </dl>
        </Card>

        <Card title={t('account.roles')} icon={<ShieldIcon />}>
          {user.grants.length === 0 ? (
            <p className={styles.muted}>{t('account.noRoles')}</p>
          ) : (
            <ul className={styles.roles}>
              {user.grants.map((grant, i) => (
                <li key={`${grant.role}-${grant.municipalityId}-${grant.kindergartenId}-${i}`}>
                  <span className={styles.roleName}>{t(`roles.${grant.role}`)}</span>
                  <span className={styles.muted}>{scopeText(grant)}</span>
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card title={t('account.sessions')} icon={<LockIcon />} className={styles.sessions}>
          <ProblemAlert error={logout.error ?? logoutAll.error} />
          <div className={styles.actions}>
            <Button variant="outline" loading={logout.isPending} onClick={() => logout.mutate()}>
              {t('account.signOut')}
            </Button>
            <Button
              variant="danger"
              loading={logoutAll.isPending}
              aria-describedby="sign-out-all-hint"
              onClick={() => logoutAll.mutate()}
            >
              {t('account.signOutAll')}
            </Button>
          </div>
          <p id="sign-out-all-hint" className={styles.muted}>
            {t('account.signOutAllHint')}
          </p>
        </Card>
      </div>
    </>
  );
}
