import type { SituationDefinitionInput } from '../../../contracts/life-situation-definition.js';
import { FEDERAL_SOURCE } from './federal-situations.js';
import { external, GOSUSLUGI } from './external-service.js';

const YES_NO = [
  { value: 'yes', labelRu: 'Да', labelEn: 'Yes' },
  { value: 'no', labelRu: 'Нет', labelEn: 'No' },
];

const DECREE_63 = 'Указ Президента РФ от 23.01.2024 № 63 «О мерах социальной поддержки многодетных семей»';
const UNIFIED_ALLOWANCE = external({
  titleRu: 'Единое пособие на детей до 17 лет',
  authority: 'Социальный фонд России',
  channels: ['epgu', 'mfc', 'in_person'],
  term: 'решение до 10 рабочих дней',
  documents: ['Заявление (сведения о доходах СФР получает сам)'],
  legalBasis: [
    'Федеральный закон от 19.05.1995 № 81-ФЗ «О государственных пособиях гражданам, имеющим детей», ст. 9',
  ],
  gosuslugiUrl: GOSUSLUGI,
});

/** «Многодетная семья»: the status, the certificate, the kindergarten priority right and the benefits. */
export const LARGE_FAMILY_SITUATION: SituationDefinitionInput = {
  code: 'large-family',
  titleRu: 'Многодетная семья',
  titleEn: 'Large family',
  summaryRu:
    'Статус многодетной семьи, удостоверение, первоочередное право в детский сад и меры поддержки: пособия, ипотека, налоги.',
  summaryEn:
    'The large-family status, its certificate, the kindergarten priority right and support measures.',
  origin: 'federal',
  source: `${FEDERAL_SOURCE}; ${DECREE_63}`,
  keywordsRu: 'многодетные трое детей удостоверение льготы ипотека 450 тысяч',
  offerWhen: { fact: 'children', ageTo: 18, atLeast: 3 },
  questions: [
    {
      id: 'low-income',
      textRu: 'Доход семьи на человека ниже регионального прожиточного минимума?',
      textEn: "Is the family's income per person below the regional subsistence minimum?",
      options: YES_NO,
    },
    {
      id: 'mortgage',
      textRu: 'Есть ли у семьи ипотека?',
      textEn: 'Does the family have a mortgage?',
      options: YES_NO,
    },
  ],
  items: [
    {
      id: 'status',
      titleRu: 'Трое и более детей до 18 лет',
      titleEn: 'Three or more children under 18',
      descriptionRu:
        'Статус по указу № 63 — до совершеннолетия младшего ребёнка (до 23 лет при очном обучении).',
      doneWhen: { fact: 'children', ageTo: 18, atLeast: 3 },
      services: [],
    },
    {
      id: 'certificate',
      titleRu: 'Удостоверение многодетной семьи',
      titleEn: 'Large family certificate',
      requires: ['status'],
      services: [
        external({
          titleRu: 'Выдача удостоверения многодетной семьи',
          authority: 'Орган социальной защиты населения региона',
          channels: ['epgu', 'mfc', 'in_person'],
          term: 'до 15 рабочих дней',
          documents: ['Паспорта родителей', 'Свидетельства о рождении детей', 'Фотографии родителей'],
          legalBasis: [DECREE_63, 'Закон региона о мерах социальной поддержки многодетных семей'],
          gosuslugiUrl: GOSUSLUGI,
        }),
      ],
    },
    {
      id: 'kindergarten-priority',
      titleRu: 'Первоочередное право в детский сад',
      titleEn: 'Kindergarten priority right',
      descriptionRu: 'Укажите льготу «многодетная семья» в заявлении и приложите удостоверение.',
      onlyIf: { fact: 'children', ageTo: 7, atLeast: 1 },
      requires: ['certificate'],
      services: [
        {
          type: 'own',
          module: 'kindergarten',
          kind: 'application',
          titleRu: 'Заявление в детский сад с льготой',
          titleEn: 'Kindergarten application with the benefit',
          link: '/my',
          completes: 'submitted',
        },
      ],
    },
    {
      id: 'benefits',
      titleRu: 'Меры поддержки',
      titleEn: 'Support measures',
      group: 'allOf',
      requires: ['status'],
      steps: [
        {
          id: 'unified-allowance',
          titleRu: 'Единое пособие',
          titleEn: 'Unified allowance',
          onlyIf: { answer: 'low-income', equals: 'yes' },
          services: [UNIFIED_ALLOWANCE],
        },
        {
          id: 'mortgage-repayment',
          titleRu: '450 000 ₽ на погашение ипотеки',
          titleEn: '450,000 ₽ towards the mortgage',
          onlyIf: { answer: 'mortgage', equals: 'yes' },
          services: [
            external({
              titleRu: 'Выплата на погашение ипотечного кредита',
              authority: 'Банк-кредитор, АО «ДОМ.РФ»',
              channels: ['in_person', 'epgu'],
              term: 'до 30 рабочих дней',
              documents: ['Заявление', 'Свидетельства о рождении детей', 'Кредитный договор'],
              legalBasis: ['Федеральный закон от 03.07.2019 № 157-ФЗ, ст. 1'],
              prerequisites: [
                'Третий или последующий ребёнок родился с 1 января 2019 года по 31 декабря 2030 года',
              ],
              gosuslugiUrl: GOSUSLUGI,
            }),
          ],
        },
        {
          id: 'tax-relief',
          titleRu: 'Льготы по земельному и имущественному налогу',
          titleEn: 'Land and property tax relief',
          optional: true,
          services: [
            external({
              titleRu: 'Налоговый вычет для многодетных',
              authority: 'Федеральная налоговая служба',
              channels: ['proactive', 'epgu'],
              term: 'при расчёте налога',
              documents: [],
              legalBasis: ['Налоговый кодекс РФ, ст. 391 п. 6.1 и ст. 403 п. 6.1'],
            }),
          ],
        },
      ],
    },
  ],
};

/** «Рождение ребёнка»: registration, documents, payments, and the kindergarten queue early. */
export const BIRTH_SITUATION: SituationDefinitionInput = {
  code: 'birth',
  titleRu: 'Рождение ребёнка',
  titleEn: 'Birth of a child',
  summaryRu:
    'Регистрация рождения, СНИЛС и полис ОМС, регистрация по месту жительства, выплаты и очередь в детский сад.',
  summaryEn:
    'Registering the birth, SNILS and health insurance, residence registration, payments, kindergarten queue.',
  origin: 'federal',
  source: FEDERAL_SOURCE,
  keywordsRu: 'роды новорождённый свидетельство о рождении материнский капитал пособие',
  questions: [
    {
      id: 'married',
      textRu: 'Родители состоят в браке?',
      textEn: 'Are the parents married?',
      options: YES_NO,
    },
  ],
  items: [
    {
      id: 'birth-registration',
      titleRu: 'Регистрация рождения',
      titleEn: 'Birth registration',
      descriptionRu: 'В течение месяца со дня рождения; ребёнок появится в «Моей семье» из Госуслуг.',
      doneWhen: { fact: 'children', ageTo: 2, atLeast: 1 },
      services: [
        external({
          titleRu: 'Государственная регистрация рождения',
          authority: 'Органы ЗАГС, МФЦ',
          channels: ['epgu', 'mfc', 'in_person'],
          term: 'в день обращения',
          documents: ['Медицинское свидетельство о рождении', 'Паспорта родителей', 'Свидетельство о браке'],
          legalBasis: [
            'Федеральный закон от 15.11.1997 № 143-ФЗ «Об актах гражданского состояния», ст. 14–17',
          ],
          gosuslugiUrl: GOSUSLUGI,
        }),
      ],
    },
    {
      id: 'paternity',
      titleRu: 'Установление отцовства',
      titleEn: 'Establishing paternity',
      onlyIf: { answer: 'married', equals: 'no' },
      services: [
        external({
          titleRu: 'Государственная регистрация установления отцовства',
          authority: 'Органы ЗАГС',
          channels: ['epgu', 'in_person'],
          term: 'в день обращения (по совместному заявлению)',
          documents: ['Совместное заявление родителей', 'Паспорта родителей'],
          legalBasis: [
            'Федеральный закон от 15.11.1997 № 143-ФЗ «Об актах гражданского состояния», ст. 48–50',
          ],
          gosuslugiUrl: GOSUSLUGI,
        }),
      ],
    },
    {
      id: 'documents',
      titleRu: 'СНИЛС и полис ОМС ребёнка',
      titleEn: 'SNILS and health insurance of the child',
      group: 'allOf',
      requires: ['birth-registration'],
      steps: [
        {
          id: 'snils',
          titleRu: 'СНИЛС',
          titleEn: 'SNILS',
          services: [
            external({
              titleRu: 'Регистрация в системе персонифицированного учёта',
              authority: 'Социальный фонд России',
              channels: ['proactive'],
              term: 'до 5 рабочих дней после регистрации рождения, без заявления',
              documents: [],
              legalBasis: ['Федеральный закон от 01.04.1996 № 27-ФЗ, ст. 12.1'],
            }),
          ],
        },
        {
          id: 'oms',
          titleRu: 'Полис ОМС',
          titleEn: 'Health insurance policy',
          services: [
            external({
              titleRu: 'Выбор страховой медицинской организации',
              authority: 'Страховая медицинская организация',
              channels: ['epgu', 'in_person'],
              term: 'в день обращения',
              documents: ['Свидетельство о рождении', 'СНИЛС ребёнка', 'Паспорт родителя'],
              legalBasis: [
                'Федеральный закон от 29.11.2010 № 326-ФЗ «Об обязательном медицинском страховании», ст. 16',
              ],
              gosuslugiUrl: GOSUSLUGI,
            }),
          ],
        },
      ],
    },
    {
      id: 'residence',
      titleRu: 'Регистрация по месту жительства',
      titleEn: 'Residence registration',
      requires: ['birth-registration'],
      services: [
        external({
          titleRu: 'Регистрация ребёнка по месту жительства',
          authority: 'МВД России (вопросы миграции), МФЦ',
          channels: ['epgu', 'mfc'],
          term: 'до 3 рабочих дней',
          documents: ['Свидетельство о рождении', 'Паспорта родителей'],
          legalBasis: ['Постановление Правительства РФ от 17.07.1995 № 713, п. 28'],
          gosuslugiUrl: GOSUSLUGI,
        }),
      ],
    },
    {
      id: 'payments',
      titleRu: 'Материнский капитал и пособия',
      titleEn: 'Maternity capital and allowances',
      group: 'allOf',
      requires: ['birth-registration'],
      steps: [
        {
          id: 'maternity-capital',
          titleRu: 'Сертификат на материнский капитал',
          titleEn: 'Maternity capital certificate',
          services: [
            external({
              titleRu: 'Выдача сертификата на материнский (семейный) капитал',
              authority: 'Социальный фонд России',
              channels: ['proactive', 'epgu'],
              term: 'до 5 рабочих дней, без заявления',
              documents: [],
              legalBasis: ['Федеральный закон от 29.12.2006 № 256-ФЗ, ст. 5'],
              gosuslugiUrl: GOSUSLUGI,
            }),
          ],
        },
        {
          id: 'lump-sum',
          titleRu: 'Единовременное пособие при рождении',
          titleEn: 'Lump-sum birth allowance',
          services: [
            external({
              titleRu: 'Единовременное пособие при рождении ребёнка',
              authority: 'Социальный фонд России',
              channels: ['epgu', 'in_person'],
              term: 'до 10 рабочих дней',
              documents: ['Заявление'],
              legalBasis: ['Федеральный закон от 19.05.1995 № 81-ФЗ, ст. 11'],
              gosuslugiUrl: GOSUSLUGI,
            }),
          ],
        },
        {
          id: 'unified-allowance',
          titleRu: 'Единое пособие',
          titleEn: 'Unified allowance',
          optional: true,
          services: [UNIFIED_ALLOWANCE],
        },
      ],
    },
    {
      id: 'kindergarten-queue',
      titleRu: 'Очередь в детский сад',
      titleEn: 'Kindergarten queue',
      descriptionRu: 'Встать в очередь можно с рождения: чем раньше заявление, тем выше место в очереди.',
      optional: true,
      requires: ['birth-registration'],
      services: [
        {
          type: 'own',
          module: 'kindergarten',
          kind: 'application',
          titleRu: 'Заявление в детский сад',
          titleEn: 'Kindergarten application',
          link: '/my',
          completes: 'submitted',
        },
      ],
    },
  ],
};
