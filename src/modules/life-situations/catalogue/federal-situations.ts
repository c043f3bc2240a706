import type { SituationDefinitionInput } from '../../../contracts/life-situation-definition.js';

/**
 * The federal list of priority life situations of the federal project «Государство для людей»
 * (2023), which the region works through; the ones worked out into steps live in their own files and
 * replace their entry here by code. Titles as the project names them; the composition of each is
 * the region's to work out (the Novosibirsk pilot started with «Многодетная семья», «Переезд в другой
 * регион», «Замена документов»).
 */
export const FEDERAL_SOURCE =
  'Федеральный проект «Государство для людей» национальной программы «Цифровая экономика»: ' +
  'перечень приоритетных жизненных ситуаций, 2023 (Минэкономразвития России, АНО «Проектный офис»)';

const FEDERAL_TITLES: [code: string, titleRu: string, titleEn: string, summaryRu: string][] = [
  ['birth', 'Рождение ребёнка', 'Birth of a child', 'Регистрация рождения, документы и выплаты на ребёнка.'],
  ['large-family', 'Многодетная семья', 'Large family', 'Статус многодетной семьи и меры поддержки.'],
  [
    'moving-region',
    'Переезд в другой регион',
    'Moving to another region',
    'Регистрация, школа, поликлиника и пособия на новом месте.',
  ],
  [
    'documents-replacement',
    'Замена документов',
    'Replacing documents',
    'Замена паспорта и связанных с ним документов.',
  ],
  ['marriage', 'Вступление в брак', 'Getting married', 'Регистрация брака и смена документов.'],
  ['divorce', 'Расторжение брака', 'Divorce', 'Расторжение брака, алименты, порядок общения с детьми.'],
  [
    'school',
    'Поступление в школу',
    'Starting school',
    'Запись ребёнка в первый класс и перевод в другую школу.',
  ],
  [
    'university',
    'Поступление в вуз',
    'Entering university',
    'Подача документов в вузы, общежитие, стипендия.',
  ],
  ['job-search', 'Поиск работы', 'Looking for a job', 'Регистрация в центре занятости, вакансии, обучение.'],
  ['job-loss', 'Потеря работы', 'Losing a job', 'Пособие по безработице, переобучение, отсрочки платежей.'],
  ['retirement', 'Выход на пенсию', 'Retirement', 'Назначение пенсии и льготы пенсионерам.'],
  [
    'pre-retirement',
    'Предпенсионный возраст',
    'Pre-retirement age',
    'Льготы и гарантии гражданам предпенсионного возраста.',
  ],
  [
    'bereavement',
    'Утрата близкого человека',
    'Loss of a loved one',
    'Регистрация смерти, погребение, наследство, пенсия по потере кормильца.',
  ],
  ['housing-purchase', 'Покупка жилья', 'Buying a home', 'Ипотека, регистрация права, налоговый вычет.'],
  [
    'house-building',
    'Строительство частного дома',
    'Building a house',
    'Земельный участок, уведомление о строительстве, подключение к сетям.',
  ],
  ['car-purchase', 'Покупка автомобиля', 'Buying a car', 'Регистрация транспортного средства, ОСАГО, налог.'],
  [
    'travel-abroad',
    'Выезд за рубеж',
    'Travelling abroad',
    'Загранпаспорт, выезд детей, медицинская страховка.',
  ],
  [
    'military-service',
    'Призыв на военную службу',
    'Conscription',
    'Воинский учёт, отсрочки, поддержка семьи призывника.',
  ],
  [
    'svo-support',
    'Поддержка участников СВО и их семей',
    'Support of SMO participants and families',
    'Выплаты, льготы детям, социальный координатор.',
  ],
  [
    'medical-care',
    'Получение медицинской помощи',
    'Getting medical care',
    'Полис ОМС, прикрепление к поликлинике, запись к врачу.',
  ],
  ['guardianship', 'Опека и попечительство', 'Guardianship', 'Установление опеки, приёмная семья, выплаты.'],
  [
    'disabled-child',
    'Семья с ребёнком-инвалидом',
    'Family with a disabled child',
    'Инвалидность ребёнка, реабилитация, обучение, выплаты.',
  ],
  [
    'business-start',
    'Открытие своего дела',
    'Starting a business',
    'Регистрация ИП или самозанятости, поддержка предпринимателей.',
  ],
  [
    'consumer-rights',
    'Защита прав потребителей',
    'Consumer protection',
    'Претензия продавцу, жалоба в Роспотребнадзор, суд.',
  ],
];

/** The federal list as situations: described, not yet worked out into steps (the region fills them in). */
export const FEDERAL_SITUATIONS: SituationDefinitionInput[] = FEDERAL_TITLES.map(
  ([code, titleRu, titleEn, summaryRu]) => ({
    code,
    titleRu,
    titleEn,
    summaryRu,
    origin: 'federal',
    source: FEDERAL_SOURCE,
    items: [],
  }),
);
