import type { ProgrammeList } from '@contracts/clubs';
import { api } from '../../api/api-client';
import type { Role } from '../../api/contracts';
import type { ServiceModule } from '../../app/service-module';
import { ToolsIcon } from '../../ui/icons';

const ACCESS = { my: ['citizen'] } as const satisfies Record<string, readonly Role[]>;

/** Clubs and sections: the catalog, a programme's page with enrolment, «Мои кружки». */
export const clubsModule: ServiceModule = {
  id: 'clubs',
  title: 'clubs.nav.catalog',
  routes: [
    { path: 'clubs/*', lazy: () => import('./route') },
    { path: 'my/clubs/*', lazy: () => import('./my-route'), access: ACCESS.my },
    // The VK Mini App (opened by VK with signed launch parameters) and the demo «VK launcher».
    { path: 'vk-app', lazy: () => import('./vk-app-route') },
    { path: 'vk-launcher', lazy: () => import('./vk-launcher-route') },
  ],
  nav: [
    { to: '/clubs', label: 'clubs.nav.catalog' },
    { to: '/my/clubs', label: 'clubs.nav.my', roles: ACCESS.my },
  ],
  requestKinds: { enrolment: 'clubs.request.enrolment' },
  home: {
    to: '/clubs',
    title: 'clubs.card.title',
    description: 'clubs.card.text',
    icon: <ToolsIcon />,
    keywords: 'clubs.card.keywords',
    figure: {
      queryKey: ['portal', 'figure', 'clubs'],
      load: async (signal) =>
        (await api.get<ProgrammeList>('/api/clubs/programmes?open=true&pageSize=1', signal)).total,
      label: 'clubs.card.openProgrammes',
    },
    actions: [{ to: '/clubs?open=true', label: 'clubs.card.open' }],
    search: async (query, _locale, signal) => {
      const params = new URLSearchParams({ q: query, pageSize: '5' });
      const { items } = await api.get<ProgrammeList>(`/api/clubs/programmes?${params.toString()}`, signal);
      return items.map((p) => ({
        to: `/clubs/programmes/${p.id}`,
        title: p.title,
        detail: p.organisation.shortName,
      }));
    },
  },
};
