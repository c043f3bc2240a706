import { defineTemplates } from '../notifications/templates.js';

defineTemplates({
  'family.invitation.accepted': {
    subject: { ru: 'Приглашение в семью принято', en: 'Your family invitation was accepted' },
    body: {
      ru: '{name} принял(а) ваше приглашение и теперь тоже законный представитель ребёнка ({child}) на портале.\n\nСемья: раздел «Моя семья».',
      en: '{name} accepted your invitation and is now also a legal representative of the child ({child}) on the portal.\n\nYour family: the «My family» page.',
    },
  },
});
