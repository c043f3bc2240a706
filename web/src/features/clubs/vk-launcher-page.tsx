import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../api/api-client';
import { useI18n } from '../../i18n/i18n-context';
import { Button } from '../../ui/button';
import { PageHeader } from '../../ui/page-header';
import { ProblemAlert } from '../../ui/problem-alert';
import { Spinner } from '../../ui/spinner';
import styles from './clubs.module.css';
import { vkMessages } from './vk-messages';

interface Community {
  groupId: number;
  screenName: string | null;
  organisationId: number;
  organisation: string;
  params: string;
}

/**
 * Demo «VK launcher»: plays VK's part. Pick a school's community and the mini app opens in a
 * phone-sized frame with launch parameters signed by the demo app's secret, as VK would pass them.
 */
export function VkLauncherPage() {
  const { locale } = useI18n();
  const m = vkMessages[locale];
  const [src, setSrc] = useState<string | null>(null);
  const query = useQuery({
    queryKey: ['clubs', 'vk-demo'],
    queryFn: ({ signal }) => api.get<{ items: Community[] }>('/api/vk/demo/communities', signal),
    staleTime: 0,
    gcTime: 0,
  });
  if (query.error) return <ProblemAlert error={query.error} title={m.launcherFailed} />;
  if (!query.data) return <Spinner label={m.launcherTitle} />;
  const open = async (groupId: number) => {
    // Fresh parameters at every opening: VK signs each launch anew (a reused one is a replay).
    const { data } = await query.refetch();
    const c = data?.items.find((x) => x.groupId === groupId);
    if (c) setSrc(`/vk-app?${c.params}`);
  };
  return (
    <div className={styles.page}>
      <PageHeader title={m.launcherTitle} lead={m.launcherLead} />
      <div className={styles.launcher}>
        <ul className={styles.choices} aria-label={m.communities}>
          {query.data.items.map((c) => (
            <li key={c.groupId}>
              <Button className={styles.choice} variant="outline" onClick={() => void open(c.groupId)}>
                {m.openFrom(c.organisation, c.screenName ?? `club${c.groupId}`)}
              </Button>
            </li>
          ))}
        </ul>
        {src && <iframe className={styles.phone} title={m.frameTitle} src={src} />}
      </div>
    </div>
  );
}
