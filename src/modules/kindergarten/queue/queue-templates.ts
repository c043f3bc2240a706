import { defineTemplates } from '../../../platform/notifications/templates.js';

// Notifications of the queue, ru first; `{reason}` is always plain words.
defineTemplates({
  'queue.registered': {
    subject: { ru: 'Заявление {number} зарегистрировано', en: 'Application {number} registered' },
    body: {
      ru: 'Заявление {number} на ребёнка {child} зарегистрировано {registeredAt}. Статус: {statusRu}.\n\nМесто в очереди появится в личном кабинете в течение нескольких минут.',
      en: 'Application {number} for {child} was registered on {registeredAt}. Status: {statusEn}.\n\nThe queue position appears in your account within a few minutes.',
    },
  },
  'queue.status-changed': {
    subject: { ru: 'Заявление {number}: {statusRu}', en: 'Application {number}: {statusEn}' },
    body: {
      ru: 'Статус заявления {number} изменён: {fromRu} → {statusRu}.\nПричина: {reason}',
      en: 'The status of application {number} changed: {fromEn} → {statusEn}.\nReason: {reason}',
    },
  },
  'queue.benefit-decided': {
    subject: { ru: 'Заявление {number}: решение по льготе', en: 'Application {number}: benefit decision' },
    body: {
      ru: 'Льгота «{benefitRu}» по заявлению {number}: {decisionRu}.\nПричина: {reason}\n\nМесто в очереди пересчитывается; посмотреть, почему оно изменилось, можно в личном кабинете.',
      en: 'Benefit "{benefitEn}" of application {number}: {decisionEn}.\nReason: {reason}\n\nThe queue position is being recalculated; your account explains why it changed.',
    },
  },
  'queue.position-changed': {
    subject: {
      ru: 'Заявление {number}: место в очереди {position}',
      en: 'Application {number}: queue position {position}',
    },
    body: {
      ru: 'Место заявления {number} в очереди изменилось: {previous} → {position}.\nПочему — в личном кабинете, раздел «Почему изменилось место».',
      en: 'The queue position of application {number} changed: {previous} → {position}.\nYour account explains why under "Why did my position change".',
    },
  },
});
