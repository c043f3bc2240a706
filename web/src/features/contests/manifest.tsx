import { api } from '../../api/api-client';
import type { ServiceModule } from '../../app/service-module';
import { ChartIcon } from '../../ui/icons';
import type { ContestSummary } from './api';

/** Contests of best practices: the public contest, its practices, the vote and the receipt check. */
export const contestsModule: ServiceModule = {
  id: 'contests',
  title: 'contests.nav',
  routes: [{ path: 'contests/*', lazy: () => import('./route') }],
  nav: [{ to: '/contests', label: 'contests.nav' }],
  home: {
    to: '/contests',
    title: 'contests.card.title',
    description: 'contests.card.text',
    icon: <ChartIcon />,
    keywords: 'contests.card.keywords',
    figure: {
      queryKey: ['portal', 'figure', 'contests'],
      load: async (signal) =>
        (await api.get<ContestSummary[]>('/api/contests', signal)).filter((c) => c.state === 'voting').length,
      label: 'contests.card.open',
    },
  },
};
