/**
 * The 89 subjects of the Russian Federation with their two-digit codes (the codes of the subjects used
 * by ФНС/ГИБДД and in ОКАТО-based statistics) and their population in thousands, rounded (Росстат
 * estimates for 1 January 2024; the four subjects admitted in 2022 from official regional figures).
 * Used for voters' regions (the demo identity provider spreads its citizens by population) and the
 * tile cartogram of results.
 */
export interface RussianSubject {
  code: string;
  nameRu: string;
  population: number;
}

export const RUSSIAN_SUBJECTS: readonly RussianSubject[] = [
  { code: '01', nameRu: 'Республика Адыгея', population: 497 },
  { code: '02', nameRu: 'Республика Башкортостан', population: 4064 },
  { code: '03', nameRu: 'Республика Бурятия', population: 974 },
  { code: '04', nameRu: 'Республика Алтай', population: 211 },
  { code: '05', nameRu: 'Республика Дагестан', population: 3209 },
  { code: '06', nameRu: 'Республика Ингушетия', population: 519 },
  { code: '07', nameRu: 'Кабардино-Балкарская Республика', population: 904 },
  { code: '08', nameRu: 'Республика Калмыкия', population: 263 },
  { code: '09', nameRu: 'Карачаево-Черкесская Республика', population: 469 },
  { code: '10', nameRu: 'Республика Карелия', population: 527 },
  { code: '11', nameRu: 'Республика Коми', population: 726 },
  { code: '12', nameRu: 'Республика Марий Эл', population: 671 },
  { code: '13', nameRu: 'Республика Мордовия', population: 762 },
  { code: '14', nameRu: 'Республика Саха (Якутия)', population: 997 },
  { code: '15', nameRu: 'Республика Северная Осетия — Алания', population: 680 },
  { code: '16', nameRu: 'Республика Татарстан', population: 4001 },
  { code: '17', nameRu: 'Республика Тыва', population: 337 },
  { code: '18', nameRu: 'Удмуртская Республика', population: 1442 },
  { code: '19', nameRu: 'Республика Хакасия', population: 525 },
  { code: '20', nameRu: 'Чеченская Республика', population: 1533 },
  { code: '21', nameRu: 'Чувашская Республика', population: 1166 },
  { code: '22', nameRu: 'Алтайский край', population: 2131 },
  { code: '23', nameRu: 'Краснодарский край', population: 5838 },
  { code: '24', nameRu: 'Красноярский край', population: 2846 },
  { code: '25', nameRu: 'Приморский край', population: 1820 },
  { code: '26', nameRu: 'Ставропольский край', population: 2881 },
  { code: '27', nameRu: 'Хабаровский край', population: 1284 },
  { code: '28', nameRu: 'Амурская область', population: 756 },
  { code: '29', nameRu: 'Архангельская область', population: 955 },
  { code: '30', nameRu: 'Астраханская область', population: 945 },
  { code: '31', nameRu: 'Белгородская область', population: 1515 },
  { code: '32', nameRu: 'Брянская область', population: 1152 },
  { code: '33', nameRu: 'Владимирская область', population: 1323 },
  { code: '34', nameRu: 'Волгоградская область', population: 2451 },
  { code: '35', nameRu: 'Вологодская область', population: 1127 },
  { code: '36', nameRu: 'Воронежская область', population: 2285 },
  { code: '37', nameRu: 'Ивановская область', population: 915 },
  { code: '38', nameRu: 'Иркутская область', population: 2345 },
  { code: '39', nameRu: 'Калининградская область', population: 1032 },
  { code: '40', nameRu: 'Калужская область', population: 1068 },
  { code: '41', nameRu: 'Камчатский край', population: 288 },
  { code: '42', nameRu: 'Кемеровская область — Кузбасс', population: 2536 },
  { code: '43', nameRu: 'Кировская область', population: 1124 },
  { code: '44', nameRu: 'Костромская область', population: 569 },
  { code: '45', nameRu: 'Курганская область', population: 760 },
  { code: '46', nameRu: 'Курская область', population: 1066 },
  { code: '47', nameRu: 'Ленинградская область', population: 2036 },
  { code: '48', nameRu: 'Липецкая область', population: 1113 },
  { code: '49', nameRu: 'Магаданская область', population: 134 },
  { code: '50', nameRu: 'Московская область', population: 8652 },
  { code: '51', nameRu: 'Мурманская область', population: 658 },
  { code: '52', nameRu: 'Нижегородская область', population: 3082 },
  { code: '53', nameRu: 'Новгородская область', population: 579 },
  { code: '54', nameRu: 'Новосибирская область', population: 2780 },
  { code: '55', nameRu: 'Омская область', population: 1833 },
  { code: '56', nameRu: 'Оренбургская область', population: 1842 },
  { code: '57', nameRu: 'Орловская область', population: 700 },
  { code: '58', nameRu: 'Пензенская область', population: 1241 },
  { code: '59', nameRu: 'Пермский край', population: 2480 },
  { code: '60', nameRu: 'Псковская область', population: 577 },
  { code: '61', nameRu: 'Ростовская область', population: 4164 },
  { code: '62', nameRu: 'Рязанская область', population: 1079 },
  { code: '63', nameRu: 'Самарская область', population: 3133 },
  { code: '64', nameRu: 'Саратовская область', population: 2392 },
  { code: '65', nameRu: 'Сахалинская область', population: 459 },
  { code: '66', nameRu: 'Свердловская область', population: 4240 },
  { code: '67', nameRu: 'Смоленская область', population: 874 },
  { code: '68', nameRu: 'Тамбовская область', population: 963 },
  { code: '69', nameRu: 'Тверская область', population: 1199 },
  { code: '70', nameRu: 'Томская область', population: 1052 },
  { code: '71', nameRu: 'Тульская область', population: 1524 },
  { code: '72', nameRu: 'Тюменская область', population: 1614 },
  { code: '73', nameRu: 'Ульяновская область', population: 1181 },
  { code: '74', nameRu: 'Челябинская область', population: 3402 },
  { code: '75', nameRu: 'Забайкальский край', population: 985 },
  { code: '76', nameRu: 'Ярославская область', population: 1185 },
  { code: '77', nameRu: 'Москва', population: 13150 },
  { code: '78', nameRu: 'Санкт-Петербург', population: 5598 },
  { code: '79', nameRu: 'Еврейская автономная область', population: 147 },
  { code: '83', nameRu: 'Ненецкий автономный округ', population: 41 },
  { code: '86', nameRu: 'Ханты-Мансийский автономный округ — Югра', population: 1730 },
  { code: '87', nameRu: 'Чукотский автономный округ', population: 47 },
  { code: '89', nameRu: 'Ямало-Ненецкий автономный округ', population: 510 },
  { code: '90', nameRu: 'Запорожская область', population: 500 },
  { code: '91', nameRu: 'Республика Крым', population: 1902 },
  { code: '92', nameRu: 'Севастополь', population: 561 },
  { code: '93', nameRu: 'Донецкая Народная Республика', population: 2100 },
  { code: '94', nameRu: 'Луганская Народная Республика', population: 1300 },
  { code: '95', nameRu: 'Херсонская область', population: 350 },
];

/** The subject a number in [0, 1) falls on when the subjects are laid end to end by population. */
export function subjectByPopulationShare(u: number): RussianSubject {
  const total = RUSSIAN_SUBJECTS.reduce((s, r) => s + r.population, 0);
  let acc = 0;
  const target = Math.min(Math.max(u, 0), 0.999999999) * total;
  for (const s of RUSSIAN_SUBJECTS) {
    acc += s.population;
    if (target < acc) return s;
  }
  return RUSSIAN_SUBJECTS.at(-1)!;
}
