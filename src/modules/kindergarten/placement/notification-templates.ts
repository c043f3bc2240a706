import { defineTemplates } from '../../../platform/notifications/templates.js';

// Messages to parents about directions (направления); registered with the platform's catalog.
defineTemplates({
  'placement.direction-issued': {
    subject: {
      ru: 'Направление в детский сад по заявлению {number}',
      en: 'Kindergarten direction for application {number}',
    },
    body: {
      ru: 'Здравствуйте!\n\nПо заявлению {number} выдано направление в детский сад. Направление действует до {validUntil}. Откройте личный кабинет, чтобы увидеть детский сад, объяснение решения, скачать направление и согласиться или отказаться.',
      en: 'Hello!\n\nA kindergarten direction has been issued for application {number}. It is valid until {validUntil}. Open your account to see the kindergarten, the explanation, download the direction and accept or decline it.',
    },
  },
  'placement.enrolled': {
    subject: { ru: 'Ребёнок зачислен: заявление {number}', en: 'Child enrolled: application {number}' },
    body: {
      ru: 'Здравствуйте!\n\nПо заявлению {number} ребёнок зачислен в детский сад «{kindergarten}».',
      en: 'Hello!\n\nFor application {number} the child has been enrolled at {kindergarten}.',
    },
  },
  'placement.no-show': {
    subject: {
      ru: 'Срок направления истёк: заявление {number}',
      en: 'Direction expired: application {number}',
    },
    body: {
      ru: 'Здравствуйте!\n\nСрок действия направления по заявлению {number} истёк. Ребёнок остаётся в очереди, желаемая дата перенесена на 1 сентября следующего года.',
      en: 'Hello!\n\nThe direction for application {number} has expired. The child stays in the queue; the desired date moved to 1 September next year.',
    },
  },
});
