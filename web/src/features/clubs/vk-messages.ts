import type { Locale } from '../../i18n/messages';

const ru = {
  launcherTitle: 'Демо: VK-лаунчер',
  launcherLead:
    'Здесь демо-стенд играет роль ВКонтакте: выберите сообщество школы, и мини-приложение «Запись в кружок» откроется с подписанными параметрами запуска.',
  launcherFailed: 'Лаунчер недоступен (только в демо-режиме)',
  communities: 'Сообщества с приложением',
  openFrom: (org: string, screen: string) => `${org} — vk.com/${screen}`,
  frameTitle: 'Мини-приложение «Запись в кружок»',
  appTitle: 'Запись в кружок',
  launching: 'Проверяем параметры запуска…',
  refused: {
    signature: 'Параметры запуска не подписаны ВКонтакте. Откройте приложение из сообщества заново.',
    stale: 'Параметры запуска устарели. Откройте приложение заново.',
    replayed: 'Эти параметры запуска уже использованы. Откройте приложение заново.',
  } as Record<string, string>,
  failed: 'Не удалось открыть приложение',
  linkLead: 'Один раз свяжите ВКонтакте с Госуслугами — дальше запись займёт три касания.',
  linkButton: 'Войти через Госуслуги',
  linking: 'Связываем аккаунты…',
  groupsOf: (org: string) => `Открытая запись: ${org}`,
  otherGroups: 'Другие кружки рядом',
  noGroups: 'Сейчас нет групп с открытой записью.',
};

const en: typeof ru = {
  launcherTitle: 'Demo: VK launcher',
  launcherLead:
    "Here the demo plays VK's part: pick a school's community and the «Club enrolment» mini app opens with signed launch parameters.",
  launcherFailed: 'The launcher is unavailable (demo mode only)',
  communities: 'Communities with the app',
  openFrom: (org: string, screen: string) => `${org} — vk.com/${screen}`,
  frameTitle: 'Mini app «Club enrolment»',
  appTitle: 'Club enrolment',
  launching: 'Checking the launch parameters…',
  refused: {
    signature: 'The launch parameters are not signed by VK. Open the app from the community again.',
    stale: 'The launch parameters are too old. Open the app again.',
    replayed: 'These launch parameters were already used. Open the app again.',
  },
  failed: 'Could not open the app',
  linkLead: 'Link VK to Gosuslugi once — enrolment then takes three taps.',
  linkButton: 'Sign in with Gosuslugi',
  linking: 'Linking the accounts…',
  groupsOf: (org: string) => `Open enrolment: ${org}`,
  otherGroups: 'Other clubs nearby',
  noGroups: 'No groups are open for enrolment now.',
};

export const vkMessages: Record<Locale, typeof ru> = { ru, en };
