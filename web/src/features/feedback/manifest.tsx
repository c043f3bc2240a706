import type { FeedbackTopics } from '@contracts/feedback';
import { api } from '../../api/api-client';
import type { Role } from '../../api/contracts';
import type { ServiceModule } from '../../app/service-module';
import { MessageIcon } from '../../ui/icons';

/** Who may open each protected section; the guards and the menu read this one table. */
const ACCESS = {
  citizen: ['citizen'],
  staff: [
    'cur_operator',
    'municipal_officer',
    'organisation_head',
    'organisation_staff',
    'kindergarten_head',
    'regional_admin',
    'auditor',
  ],
} as const satisfies Record<string, readonly Role[]>;

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** Citizens' feedback (ЦУР): filing an appeal, following it, the staff desk. */
export const feedbackModule: ServiceModule = {
  id: 'feedback',
  title: 'nav.feedback',
  routes: [
    { path: 'feedback', lazy: () => import('./landing-route') },
    { path: 'feedback/new', lazy: () => import('./new-appeal-route'), access: ACCESS.citizen },
    { path: 'feedback/appeals/*', lazy: () => import('./my-appeals-route'), access: ACCESS.citizen },
    { path: 'feedback/confirm/:token', lazy: () => import('./confirm-route'), access: ACCESS.citizen },
    { path: 'staff/feedback/*', lazy: () => import('./staff-route'), access: ACCESS.staff },
  ],
  nav: [
    { to: '/feedback', label: 'nav.feedback', end: true },
    { to: '/feedback/appeals', label: 'nav.myAppeals', roles: ACCESS.citizen },
    { to: '/staff/feedback', label: 'nav.staffFeedback', roles: ACCESS.staff },
  ],
  requestKinds: { appeal: 'feedback.request.appeal', message: 'feedback.request.message' },
  home: {
    to: '/feedback',
    title: 'feedback.card.title',
    description: 'feedback.card.text',
    icon: <MessageIcon />,
    keywords: 'feedback.card.keywords',
    figure: {
      queryKey: ['portal', 'figure', 'feedback'],
      load: async (signal) => {
        const to = new Date();
        const from = new Date(to.getTime() - 29 * 24 * 60 * 60_000);
        const topics = await api.get<FeedbackTopics>(
          `/api/feedback/topics?from=${isoDay(from)}&to=${isoDay(to)}&limit=1`,
          signal,
        );
        return topics.total;
      },
      label: 'feedback.card.lastMonth',
    },
    actions: [
      { to: '/feedback/new', label: 'feedback.card.report' },
      { to: '/feedback/appeals', label: 'feedback.card.mine' },
    ],
  },
};
