import { defineTemplates } from '../../../platform/notifications/templates.js';

// Notices of an appeal's changes, to the citizen (and to the staff it is assigned to).
defineTemplates({
  'feedback.appeal.registered': {
    subject: { ru: 'Обращение {number} зарегистрировано', en: 'Appeal {number} registered' },
    body: {
      ru: 'Ваше обращение {number} зарегистрировано {registeredOn}. Ответ будет дан не позднее {answerDue}.',
      en: 'Your appeal {number} was registered on {registeredOn}. It will be answered by {answerDue}.',
    },
  },
  'feedback.appeal.assigned': {
    subject: { ru: 'Вам назначено обращение {number}', en: 'Appeal {number} assigned to you' },
    body: {
      ru: 'Обращение {number} передано вам. Срок ответа — {answerDue}.',
      en: 'Appeal {number} is yours to handle. The answer is due on {answerDue}.',
    },
  },
  'feedback.appeal.forwarded': {
    subject: { ru: 'Обращение {number} направлено по компетенции', en: 'Appeal {number} forwarded' },
    body: {
      ru: 'Ваше обращение {number} направлено в «{organisation}» (59-ФЗ ст. 8 ч. 3).',
      en: 'Your appeal {number} was forwarded to {organisation} (59-FZ art. 8 part 3).',
    },
  },
  'feedback.appeal.answered': {
    subject: { ru: 'Ответ на обращение {number}', en: 'Answer to appeal {number}' },
    body: {
      ru: 'На ваше обращение {number} дан ответ. Оцените его на странице обращения.',
      en: 'Your appeal {number} has been answered. Please rate the answer on its page.',
    },
  },
  'feedback.appeal.extended': {
    subject: {
      ru: 'Срок ответа на обращение {number} продлён',
      en: 'Appeal {number}: answer limit extended',
    },
    body: {
      ru: 'Срок ответа на обращение {number} продлён до {answerDue} (59-ФЗ ст. 12 ч. 2). Причина: {reason}',
      en: 'The answer to appeal {number} is now due on {answerDue} (59-FZ art. 12 part 2). Reason: {reason}',
    },
  },
  'feedback.appeal.without_answer': {
    subject: {
      ru: 'Обращение {number} оставлено без ответа по существу',
      en: 'Appeal {number} left without an answer',
    },
    body: {
      ru: 'Обращение {number} оставлено без ответа по существу ({article}).',
      en: 'Appeal {number} was left without an answer on the merits ({article}).',
    },
  },
  'feedback.appeal.rework': {
    subject: { ru: 'Обращение {number} возвращено на доработку', en: 'Appeal {number} returned for rework' },
    body: {
      ru: 'Заявитель оценил ответ на обращение {number} на {rating} из 5: обращение возвращено в работу.',
      en: 'The citizen rated the answer to appeal {number} {rating} of 5: it is back in work.',
    },
  },
  'feedback.appeal.survey': {
    subject: {
      ru: 'Проблема по обращению {number} действительно устранена?',
      en: 'Appeal {number}: is the problem really fixed?',
    },
    body: {
      ru: 'В ответе на обращение {number} сказано, что проблема устранена. Так ли это? Ответьте «да» или «нет» на странице обращения; «нет» вернёт обращение в работу.',
      en: 'The answer to appeal {number} said the problem was fixed. Is it? Answer yes or no on its page; «no» puts the appeal back in work.',
    },
  },
  'feedback.appeal.reopened': {
    subject: { ru: 'Обращение {number} снова в работе', en: 'Appeal {number} reopened' },
    body: {
      ru: 'Заявитель сообщил, что проблема по обращению {number} не устранена: обращение возвращено в работу.',
      en: 'The citizen says the problem of appeal {number} is not fixed: it is back in work.',
    },
  },
});
