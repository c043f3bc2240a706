import type { SituationDefinitionInput } from '../../../contracts/life-situation-definition.js';
import { external, GOSUSLUGI } from './external-service.js';

const REGIONAL_SOURCE =
  'Региональные жизненные ситуации 2024–2025 по практике Новосибирской области (федеральный проект «Государство для людей»)';

const YES_NO = [
  { value: 'yes', labelRu: 'Да', labelEn: 'Yes' },
  { value: 'no', labelRu: 'Нет', labelEn: 'No' },
];

/** «Оформление в детский сад»: from the child's documents to the enrolment, through the kindergarten module. */
export const KINDERGARTEN_SITUATION: SituationDefinitionInput = {
  code: 'kindergarten',
  titleRu: 'Оформление в детский сад',
  titleEn: 'Getting a place in a kindergarten',
  summaryRu:
    'Постановка ребёнка на учёт, получение направления и зачисление в детский сад; льготы и компенсация родительской платы.',
  summaryEn: 'Registering a child in the queue, getting a direction and enrolling in a kindergarten.',
  origin: 'regional',
  source: REGIONAL_SOURCE,
  keywordsRu: 'детский сад садик очередь направление зачисление ДОУ ясли',
  questions: [
    {
      id: 'benefit',
      textRu: 'Есть ли у семьи право на внеочередное или первоочередное зачисление (льгота)?',
      textEn: 'Does the family have a priority right (a benefit)?',
      options: YES_NO,
    },
    {
      id: 'health',
      textRu: 'Нужна ли ребёнку группа компенсирующей или оздоровительной направленности?',
      textEn: 'Does the child need a compensating or health-improving group?',
      options: YES_NO,
    },
  ],
  items: [
    {
      id: 'child-documents',
      titleRu: 'Свидетельство о рождении и СНИЛС ребёнка',
      titleEn: "The child's birth certificate and SNILS",
      descriptionRu:
        'Ребёнок должен быть в «Моей семье»: из Госуслуг или добавлен вручную по свидетельству о рождении.',
      doneWhen: { fact: 'children', ageTo: 8, atLeast: 1 },
      services: [
        external({
          titleRu: 'Государственная регистрация рождения',
          authority: 'Органы ЗАГС',
          channels: ['epgu', 'mfc', 'in_person'],
          term: 'в день обращения',
          documents: ['Медицинское свидетельство о рождении', 'Паспорта родителей'],
          legalBasis: ['Федеральный закон от 15.11.1997 № 143-ФЗ «Об актах гражданского состояния», гл. II'],
          gosuslugiUrl: GOSUSLUGI,
        }),
      ],
    },
    {
      id: 'pmpk',
      titleRu: 'Заключение психолого-медико-педагогической комиссии',
      titleEn: 'Conclusion of the psychological, medical and pedagogical commission',
      onlyIf: { answer: 'health', equals: 'yes' },
      services: [
        external({
          titleRu: 'Обследование ребёнка в ПМПК',
          authority: 'Территориальная психолого-медико-педагогическая комиссия',
          channels: ['in_person'],
          term: 'до 5 рабочих дней после обследования',
          documents: ['Заявление родителя', 'Медицинские заключения', 'Характеристика (при наличии)'],
          legalBasis: ['Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в РФ», ст. 79 ч. 3'],
        }),
      ],
    },
    {
      id: 'benefit-documents',
      titleRu: 'Документ, подтверждающий льготу',
      titleEn: 'A document proving the benefit',
      onlyIf: { answer: 'benefit', equals: 'yes' },
      services: [
        external({
          titleRu: 'Справка с места службы или удостоверение',
          authority: 'Работодатель родителя, орган социальной защиты',
          channels: ['in_person'],
          term: 'до 10 рабочих дней',
          documents: ['Справка с места службы', 'Удостоверение многодетной семьи', 'Справка об инвалидности'],
          legalBasis: [
            'Федеральный закон от 07.02.2011 № 3-ФЗ «О полиции», ст. 46 ч. 6',
            'Федеральный закон от 27.05.1998 № 76-ФЗ «О статусе военнослужащих», ст. 19 ч. 6',
          ],
        }),
      ],
    },
    {
      id: 'apply',
      titleRu: 'Заявление о постановке на учёт',
      titleEn: 'Application to the queue',
      descriptionRu: 'Выберите до пяти детских садов и желаемую дату; заявление регистрируется сразу.',
      requires: ['child-documents'],
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
        external({
          titleRu: 'Запись в детский сад на Госуслугах',
          authority: 'Орган управления образованием муниципалитета',
          channels: ['epgu', 'mfc'],
          term: 'регистрация в день подачи',
          documents: [
            'Свидетельство о рождении ребёнка',
            'Паспорт родителя',
            'Документ о льготе (при наличии)',
          ],
          legalBasis: [
            'Приказ Минпросвещения России от 15.05.2020 № 236 «Порядок приёма на обучение по образовательным программам дошкольного образования»',
          ],
          gosuslugiUrl: GOSUSLUGI,
        }),
      ],
    },
    {
      id: 'direction',
      titleRu: 'Направление в детский сад',
      titleEn: 'Direction to a kindergarten',
      descriptionRu:
        'Место предлагается при комплектовании (с 1 апреля по 1 июня) или при доукомплектовании.',
      requires: ['apply'],
      services: [
        {
          type: 'own',
          module: 'kindergarten',
          kind: 'application',
          titleRu: 'Направление',
          titleEn: 'Direction',
          link: '/my-directions',
          completes: { statuses: ['directed', 'contract'] },
        },
      ],
    },
    {
      id: 'enrolment',
      titleRu: 'Договор и зачисление',
      titleEn: 'Contract and enrolment',
      descriptionRu: 'Принесите в детский сад документы и медицинское заключение, заключите договор.',
      requires: ['direction'],
      services: [
        {
          type: 'own',
          module: 'kindergarten',
          kind: 'application',
          titleRu: 'Зачисление',
          titleEn: 'Enrolment',
          link: '/my',
          completes: 'done',
        },
      ],
    },
    {
      id: 'fee-compensation',
      titleRu: 'Компенсация родительской платы',
      titleEn: 'Compensation of the parental fee',
      optional: true,
      requires: ['enrolment'],
      services: [
        external({
          titleRu: 'Компенсация части родительской платы за присмотр и уход',
          authority: 'Детский сад или орган социальной защиты',
          channels: ['in_person', 'epgu'],
          term: 'до 10 рабочих дней',
          documents: [
            'Заявление',
            'Реквизиты счёта',
            'Сведения о доходах семьи (если компенсация зависит от дохода)',
          ],
          legalBasis: ['Федеральный закон от 29.12.2012 № 273-ФЗ «Об образовании в РФ», ст. 65 ч. 5'],
          gosuslugiUrl: GOSUSLUGI,
        }),
      ],
    },
  ],
};

/** «Внешкольная занятость детей»: a certificate, then a club of open-region or another provider. */
export const CLUBS_SITUATION: SituationDefinitionInput = {
  code: 'out-of-school',
  titleRu: 'Внешкольная занятость детей',
  titleEn: "Children's out-of-school activities",
  summaryRu: 'Кружки, секции и студии: сертификат дополнительного образования, запись и начало занятий.',
  summaryEn: 'Clubs and sections: a certificate of extra education, enrolment and the first lessons.',
  origin: 'regional',
  source: REGIONAL_SOURCE,
  keywordsRu: 'кружок секция студия дополнительное образование сертификат навигатор спорт',
  questions: [
    {
      id: 'has-certificate',
      textRu: 'Есть ли у ребёнка сертификат дополнительного образования?',
      textEn: 'Does the child have a certificate of extra education?',
      options: YES_NO,
    },
  ],
  items: [
    {
      id: 'school-age',
      titleRu: 'Ребёнок от 5 до 18 лет',
      titleEn: 'A child aged 5 to 18',
      doneWhen: { fact: 'children', ageFrom: 5, ageTo: 18, atLeast: 1 },
      services: [],
    },
    {
      id: 'certificate',
      titleRu: 'Сертификат дополнительного образования',
      titleEn: 'Certificate of extra education',
      onlyIf: { answer: 'has-certificate', equals: 'no' },
      requires: ['school-age'],
      services: [
        external({
          titleRu: 'Получение сертификата в Навигаторе дополнительного образования',
          authority: 'Региональный модельный центр дополнительного образования детей',
          channels: ['epgu', 'in_person'],
          term: 'до 5 рабочих дней',
          documents: ['Свидетельство о рождении или паспорт ребёнка', 'СНИЛС ребёнка', 'Паспорт родителя'],
          legalBasis: [
            'Концепция развития дополнительного образования детей до 2030 года (распоряжение Правительства РФ от 31.03.2022 № 678-р)',
          ],
          gosuslugiUrl: GOSUSLUGI,
        }),
      ],
    },
    {
      id: 'choose',
      titleRu: 'Запись в кружок или секцию',
      titleEn: 'Enrolling in a club or section',
      group: 'oneOf',
      requires: ['school-age'],
      steps: [
        {
          id: 'club',
          titleRu: 'Кружок в каталоге open-region',
          titleEn: 'A club from the open-region catalogue',
          services: [
            {
              type: 'own',
              module: 'clubs',
              kind: 'enrolment',
              titleRu: 'Запись в кружок',
              titleEn: 'Club enrolment',
              link: '/clubs',
              completes: 'submitted',
            },
          ],
        },
        {
          id: 'sports-school',
          titleRu: 'Спортивная школа',
          titleEn: 'A sports school',
          services: [
            external({
              titleRu: 'Приём в спортивную школу',
              authority: 'Спортивная школа муниципалитета',
              channels: ['in_person', 'epgu'],
              term: 'по итогам индивидуального отбора',
              documents: ['Заявление родителя', 'Медицинская справка о допуске'],
              legalBasis: [
                'Федеральный закон от 04.12.2007 № 329-ФЗ «О физической культуре и спорте», ст. 34',
              ],
            }),
          ],
        },
      ],
    },
    {
      id: 'start',
      titleRu: 'Начало занятий',
      titleEn: 'The first lessons',
      requires: ['choose'],
      services: [
        {
          type: 'own',
          module: 'clubs',
          kind: 'enrolment',
          titleRu: 'Зачисление в группу',
          titleEn: 'Admission to a group',
          link: '/clubs',
          completes: 'done',
        },
      ],
    },
  ],
};
