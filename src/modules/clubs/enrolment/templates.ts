import { defineTemplates } from '../../../platform/notifications/templates.js';

// Notices of an enrolment's changes to the parent (in-app and email through the outbox).
defineTemplates({
  'clubs.enrolment.registered': {
    subject: {
      ru: 'Заявление {number} в «{programme}» принято',
      en: 'Enrolment {number} in {programme} registered',
    },
    body: {
      ru: 'Заявление {number} о записи в «{programme}» ({group}) зарегистрировано. Решение — не позднее {reviewDue}.',
      en: 'Enrolment {number} in {programme} ({group}) is registered. The decision is due by {reviewDue}.',
    },
  },
  'clubs.enrolment.waitlisted': {
    subject: { ru: 'Заявление {number}: лист ожидания', en: 'Enrolment {number}: waitlist' },
    body: {
      ru: 'Мест в группе «{group}» нет. Вы {place}-й в листе ожидания; когда место освободится, мы предложим его вам.',
      en: 'The group {group} is full. You are number {place} on the waitlist; a freed seat will be offered to you.',
    },
  },
  'clubs.enrolment.offered': {
    subject: { ru: 'Освободилось место: заявление {number}', en: 'A seat is free: enrolment {number}' },
    body: {
      ru: 'В группе «{group}» освободилось место. Подтвердите запись до {expiresAt}.',
      en: 'A seat in {group} is free for you. Confirm by {expiresAt}.',
    },
  },
  'clubs.enrolment.changed': {
    subject: { ru: 'Заявление {number}: {status}', en: 'Enrolment {number}: {status}' },
    body: {
      ru: 'Статус заявления {number} в «{programme}» изменён: {status}.{note}',
      en: 'Enrolment {number} in {programme} is now: {status}.{note}',
    },
  },
});

export const STATUS_RU: Record<string, string> = {
  waitlisted: 'в листе ожидания',
  offered: 'предложено место',
  registered: 'зарегистрировано',
  under_review: 'на рассмотрении',
  invited: 'приглашение на вступительные испытания',
  approved: 'одобрено',
  studying: 'обучается',
  finished: 'обучение завершено',
  withdrawn: 'отозвано',
  refused: 'отказано',
};
