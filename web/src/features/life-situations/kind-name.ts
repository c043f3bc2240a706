import { SERVICE_MODULES } from '../../app/service-modules';
import { useI18n } from '../../i18n/i18n-context';
import { useMessages } from './use-messages';

/**
 * A request kind's name: from the service's manifest when it names it, else this module's own list
 * of the platform's known kinds, else the service's title.
 */
export function useKindName() {
  const { t } = useI18n();
  const m = useMessages();
  return (module: string, kind: string): string => {
    const full = kind.startsWith(`${module}.`) ? kind : `${module}.${kind}`;
    const manifest = SERVICE_MODULES.find((s) => s.id === module);
    const key = manifest?.requestKinds?.[kind] ?? manifest?.requestKinds?.[full];
    if (key) return t(key);
    return m.kinds[full] ?? (manifest ? t(manifest.title) : m.requestFallback);
  };
}
