import { SERVICE_MODULES } from '../../app/service-modules';
import { useI18n } from '../../i18n/i18n-context';

/** A request kind's name from the services' manifests (the registry's `module` + `kind`). */
export function useKindName() {
  const { t } = useI18n();
  return (module: string, kind: string): string => {
    const manifest = SERVICE_MODULES.find((s) => s.id === module);
    const key = manifest?.requestKinds?.[kind] ?? manifest?.requestKinds?.[`${module}.${kind}`];
    if (key) return t(key);
    return manifest ? t(manifest.title) : `${module}/${kind}`;
  };
}
