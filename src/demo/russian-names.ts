import { WeightedTable, type Rng } from './random.js';

/**
 * Realistic Russian personal names for the demo region: given names by sex and generation with rough
 * popularity weights, surnames with their feminine forms, and patronymics derived from the father's
 * name by the usual rules (Сергей → Сергеевич/Сергеевна, Илья → Ильич/Ильинична …). Tatar and Udmurt
 * families appear in municipalities with national-language groups.
 */

export type Sex = 'm' | 'f';

export interface FullName {
  lastName: string;
  firstName: string;
  patronymic: string;
}

export const fullNameText = (n: FullName): string => `${n.lastName} ${n.firstName} ${n.patronymic}`;

/** Children born in the last eight years (most popular names of the 2017–2025 birth registers). */
const CHILD_BOYS =
  'Александр 8, Михаил 8, Артём 7, Максим 6, Иван 6, Матвей 6, Лев 5, Марк 5, Дмитрий 5, Кирилл 4, Тимофей 4, ' +
  'Даниил 4, Арсений 3, Роман 3, Фёдор 3, Егор 3, Илья 3, Никита 2, Алексей 2, Андрей 2, Владимир 2, Мирон 2, ' +
  'Ярослав 2, Степан 2, Савелий 2, Платон 2, Глеб 2, Давид 2, Макар 2, Сергей 1, Константин 1, Всеволод 1, ' +
  'Захар 1, Николай 1, Павел 1, Георгий 1';
const CHILD_GIRLS =
  'София 7, Анна 6, Мария 6, Ева 5, Алиса 5, Виктория 4, Полина 4, Варвара 4, Елизавета 4, Василиса 3, ' +
  'Александра 3, Вероника 3, Милана 3, Анастасия 3, Дарья 3, Арина 3, Ксения 2, Таисия 2, Ульяна 2, Агата 2, ' +
  'Валерия 2, Кира 2, Мирослава 2, Екатерина 2, Майя 2, Есения 1, Алёна 1, Злата 1, Маргарита 1, Ангелина 1, ' +
  'Ника 1, Надежда 1';
/** Parents born 1980–2000. */
const PARENT_MEN =
  'Александр 8, Дмитрий 7, Сергей 6, Андрей 6, Алексей 6, Максим 5, Евгений 4, Иван 4, Михаил 4, Денис 4, ' +
  'Артём 3, Роман 3, Павел 3, Антон 3, Владимир 3, Николай 2, Илья 2, Кирилл 2, Никита 2, Игорь 2, Константин 2, ' +
  'Олег 2, Виталий 1, Вадим 1, Юрий 1, Василий 1, Егор 1, Григорий 1, Пётр 1, Станислав 1, Вячеслав 1, ' +
  'Руслан 1, Тимур 1, Ярослав 1';
const PARENT_WOMEN =
  'Анна 6, Екатерина 6, Анастасия 6, Мария 5, Юлия 5, Ольга 4, Елена 4, Дарья 4, Татьяна 3, Наталья 3, ' +
  'Ксения 3, Кристина 3, Виктория 3, Ирина 3, Алёна 2, Светлана 2, Евгения 2, Александра 2, Марина 2, ' +
  'Валерия 1, Яна 1, Надежда 1, Людмила 1, Полина 1, Вера 1, Оксана 1, Алина 1, Елизавета 1';
/** Grandfathers (born 1950–1975): the source of the parents' patronymics. */
const GRANDFATHERS =
  'Сергей 6, Владимир 6, Александр 6, Николай 5, Виктор 4, Юрий 4, Игорь 3, Олег 3, Анатолий 3, Валерий 3, ' +
  'Михаил 3, Андрей 3, Геннадий 2, Василий 2, Евгений 2, Алексей 2, Иван 2, Пётр 2, Павел 2, Леонид 2, Борис 2, ' +
  'Вячеслав 2, Константин 1, Дмитрий 1, Аркадий 1, Григорий 1, Фёдор 1, Валентин 1, Владислав 1, Илья 1, ' +
  'Станислав 1, Яков 1, Лев 1, Никита 1';

const TATAR_CHILD_BOYS =
  'Амир 3, Тимур 3, Карим 2, Самир 2, Эмир 2, Арслан 1, Ильяс 2, Алан 1, Рамиль 1, Марсель 1';
const TATAR_CHILD_GIRLS =
  'Амина 3, Алия 2, Сафия 2, Милана 2, Адель 1, Ясмина 2, Камила 2, Сабина 1, Алсу 1, Дина 1';
const TATAR_MEN =
  'Ринат 3, Марат 3, Айдар 2, Рустам 3, Ильдар 2, Радик 1, Ильнур 2, Тимур 2, Рамиль 2, Азат 2';
const TATAR_WOMEN =
  'Алсу 3, Гульнара 2, Лейсан 2, Айгуль 2, Гульнур 1, Зульфия 1, Резеда 2, Эльвира 2, Лилия 2, Диляра 2';
const TATAR_GRANDFATHERS =
  'Рашид 2, Ринат 2, Фарид 2, Рафаэль 2, Ильдар 2, Марат 2, Наиль 2, Рустем 1, Габдулла 1, Шамиль 1';

/** Surnames in their masculine form, roughly by frequency. */
const RUSSIAN_SURNAMES = (
  'Иванов Смирнов Кузнецов Попов Васильев Петров Соколов Михайлов Новиков Фёдоров Морозов Волков Алексеев ' +
  'Лебедев Семёнов Егоров Павлов Козлов Степанов Николаев Орлов Андреев Макаров Никитин Захаров Зайцев Соловьёв ' +
  'Борисов Яковлев Григорьев Романов Воробьёв Сергеев Кузьмин Фролов Александров Дмитриев Королёв Гусев ' +
  'Киселёв Ильин Максимов Поляков Сорокин Виноградов Ковалёв Белов Медведев Антонов Тарасов Жуков Баранов ' +
  'Филиппов Комаров Давыдов Беляев Герасимов Богданов Осипов Сидоров Матвеев Титов Марков Миронов Крылов ' +
  'Куликов Карпов Власов Мельников Денисов Гаврилов Тихонов Казаков Афанасьев Данилов Савельев Тимофеев Фомин ' +
  'Чернов Абрамов Мартынов Ефимов Федотов Щербаков Назаров Калинин Исаев Чернышёв Быков Маслов Родионов ' +
  'Коновалов Лазарев Воронин Климов Филатов Пономарёв Голубев Кудрявцев Прохоров Наумов Потапов Журавлёв ' +
  'Овчинников Трофимов Леонов Соболев Ермаков Колесников Гончаров Емельянов Никифоров Грачёв Котов Гришин ' +
  'Ефремов Архипов Громов Кириллов Малышев Панов Моисеев Румянцев Акимов Кондратьев Бирюков Горбунов Анисимов ' +
  'Ерёмин Тихомиров Галкин Лукьянов Михеев Скворцов Юдин Белоусов Нестеров Симонов Прокофьев Харитонов Князев ' +
  'Цветков Левин Митрофанов Воронов Аксёнов Мальцев Логинов Горшков Савин Краснов Майоров Демидов Елисеев ' +
  'Рыбаков Сафонов Плотников Дёмин Хохлов Фадеев Молчанов Игнатов Литвинов Ершов Ушаков Дементьев Рябов Мухин ' +
  'Калашников Леонтьев Лобанов Кузин Корнилов Евдокимов Бородин Платонов Некрасов Балашов Бобров Жданов Блинов ' +
  'Игнатьев Коротков Муравьёв Крюков Беляков Богомолов Дроздов Лавров Зуев Петухов Ларин Никулин Серов ' +
  'Терентьев Зотов Устинов Фокин Самойлов Константинов Сахаров Шишкин Самсонов Черкасов Чистяков Носов ' +
  'Спиридонов Карасёв Авдеев Воронцов Зверев Селезнёв Нечаев Кудряшов Седов Фирсов Головин Терехов Ульянов ' +
  'Шестаков Агеев Никонов Баженов Гордеев Кожевников Пахомов Зимин Костин Широков Филимонов Ларионов Сазонов ' +
  'Суворов Любимов Львов Копылов Лукин Токарев Шилов Большаков Родин Бочаров Маркин Березин Ермолаев Зубков ' +
  'Трифонов Круглов Третьяков Колосов Рожков Шмелёв Лаптев Лапшин Зорин Уткин Зубов Ткачёв Антипов Свиридов ' +
  'Кулаков Макеев Гуляев Бондарев Поздняков Панфилов Суханов Рыжов Субботин Шубин Щукин Лосев Исаков Коровин ' +
  'Русаков Синицын Рогов Кононов Евсеев Пименов Аникин Лопатин Одинцов Орехов Царёв Шувалов Кольцов Дружинин ' +
  'Покровский Никольский Островский Петровский Вознесенский Успенский Троицкий Соловецкий Донской Луговой ' +
  'Полевой Черных Седых Белых Шевченко Бондаренко Ткаченко Кравченко Ким'
).split(' ');

const TATAR_SURNAMES = (
  'Гарипов Хабибуллин Шакиров Сафин Валиев Зарипов Нуриев Ахметов Галиев Мухаметшин Файзуллин Хасанов ' +
  'Гайнутдинов Садыков Закиров Абдуллин Гиниятуллин Латыпов Юсупов Каримов'
).split(' ');

/** Udmurt surnames of the Kama and Vyatka lands (Russian given names are the norm in these families). */
const UDMURT_SURNAMES = (
  'Корепанов Перевощиков Вахрушев Бабинцев Ложкин Тронин Поздеев Чирков Широбоков Сунцов Загребин Байтеряков ' +
  'Поторочин Кельмаков Ившин Килин Шкляев Вострокнутов'
).split(' ');

function table(list: string): WeightedTable<string> {
  return WeightedTable.of(
    list.split(',').map((entry) => {
      const [name, weight] = entry.trim().split(' ');
      return [name!, Number(weight)] as const;
    }),
  );
}

/** Zipf-like weights: the n-th surname about 1/(n+8) as frequent as the first. */
function zipf(list: readonly string[]): WeightedTable<string> {
  return new WeightedTable(
    list,
    list.map((_, i) => 1 / (i + 8)),
  );
}

export type NamePool = 'russian' | 'tatar' | 'udmurt';

interface PoolTables {
  childBoys: WeightedTable<string>;
  childGirls: WeightedTable<string>;
  men: WeightedTable<string>;
  women: WeightedTable<string>;
  grandfathers: WeightedTable<string>;
  surnames: WeightedTable<string>;
}

const RUSSIAN: PoolTables = {
  childBoys: table(CHILD_BOYS),
  childGirls: table(CHILD_GIRLS),
  men: table(PARENT_MEN),
  women: table(PARENT_WOMEN),
  grandfathers: table(GRANDFATHERS),
  surnames: zipf(RUSSIAN_SURNAMES),
};

const POOLS: Record<NamePool, PoolTables> = {
  russian: RUSSIAN,
  tatar: {
    childBoys: table(TATAR_CHILD_BOYS),
    childGirls: table(TATAR_CHILD_GIRLS),
    men: table(TATAR_MEN),
    women: table(TATAR_WOMEN),
    grandfathers: table(TATAR_GRANDFATHERS),
    surnames: zipf(TATAR_SURNAMES),
  },
  udmurt: { ...RUSSIAN, surnames: zipf(UDMURT_SURNAMES) },
};

/** Every masculine surname the generator can draw (for tests of the feminine forms). */
export const ALL_SURNAMES: readonly string[] = [...RUSSIAN_SURNAMES, ...TATAR_SURNAMES, ...UDMURT_SURNAMES];
/** Every masculine given name the generator can use as a father's name. */
export const ALL_FATHER_NAMES: readonly string[] = [
  ...new Set(
    [RUSSIAN.men, RUSSIAN.grandfathers, RUSSIAN.childBoys, POOLS.tatar.men, POOLS.tatar.grandfathers].flatMap(
      (t) => t.items,
    ),
  ),
];

/**
 * The feminine form of a surname: Иванов → Иванова, Соловьёв → Соловьёва, Ильин → Ильина,
 * Покровский → Покровская, Донской → Донская; Черных, Шевченко and Ким do not change.
 */
export function feminineSurname(masculine: string): string {
  if (/(ов|ев|ёв|ин|ын)$/.test(masculine)) return `${masculine}а`;
  if (/(ский|цкий)$/.test(masculine)) return `${masculine.slice(0, -2)}ая`;
  if (/(ой|ый)$/.test(masculine)) return `${masculine.slice(0, -2)}ая`;
  return masculine;
}

export function surnameFor(masculine: string, sex: Sex): string {
  return sex === 'm' ? masculine : feminineSurname(masculine);
}

/** Irregular patronymics: [masculine, feminine]. */
const IRREGULAR_PATRONYMICS: Record<string, readonly [string, string]> = {
  Пётр: ['Петрович', 'Петровна'],
  Павел: ['Павлович', 'Павловна'],
  Лев: ['Львович', 'Львовна'],
  Михаил: ['Михайлович', 'Михайловна'],
  Яков: ['Яковлевич', 'Яковлевна'],
  Илья: ['Ильич', 'Ильинична'],
  Никита: ['Никитич', 'Никитична'],
  Фома: ['Фомич', 'Фоминична'],
  Кузьма: ['Кузьмич', 'Кузьминична'],
  Лука: ['Лукич', 'Лукинична'],
  Савва: ['Саввич', 'Саввична'],
  Дмитрий: ['Дмитриевич', 'Дмитриевна'],
  Георгий: ['Георгиевич', 'Георгиевна'],
  Габдулла: ['Габдуллович', 'Габдулловна'],
};

/**
 * The patronymic a child gets from the father's given name: Иван → Иванович/Ивановна, Сергей →
 * Сергеевич/Сергеевна, Юрий → Юрьевич/Юрьевна, Игорь → Игоревич/Игоревна, plus the irregular ones.
 */
export function patronymicFrom(fatherName: string, sex: Sex): string {
  const irregular = IRREGULAR_PATRONYMICS[fatherName];
  if (irregular) return sex === 'm' ? irregular[0] : irregular[1];
  const [suffixM, suffixF] = ['ич', 'на'];
  if (fatherName.endsWith('ий')) {
    const stem = `${fatherName.slice(0, -2)}ьев`;
    return sex === 'm' ? `${stem}${suffixM}` : `${stem}${suffixF}`;
  }
  if (/[аеёиоуыэюя]й$/.test(fatherName) || fatherName.endsWith('ь')) {
    const stem = `${fatherName.slice(0, -1)}ев`;
    return sex === 'm' ? `${stem}${suffixM}` : `${stem}${suffixF}`;
  }
  const stem = `${fatherName}ов`;
  return sex === 'm' ? `${stem}${suffixM}` : `${stem}${suffixF}`;
}

/** A family: the father's name gives the children's patronymic, the surname their last name. */
export interface Family {
  pool: NamePool;
  surname: string;
  father: FullName;
  mother: FullName;
}

export function drawFamily(rng: Rng, pool: NamePool): Family {
  const t = POOLS[pool];
  const surname = t.surnames.draw(rng);
  const fatherName = t.men.draw(rng);
  const father: FullName = {
    lastName: surname,
    firstName: fatherName,
    patronymic: patronymicFrom(t.grandfathers.draw(rng), 'm'),
  };
  // Most mothers share the family's surname; some kept their own.
  const motherSurname = rng.chance(0.9) ? surname : t.surnames.draw(rng);
  const mother: FullName = {
    lastName: feminineSurname(motherSurname),
    firstName: t.women.draw(rng),
    patronymic: patronymicFrom(t.grandfathers.draw(rng), 'f'),
  };
  return { pool, surname, father, mother };
}

export function drawChildName(rng: Rng, family: Family, sex: Sex): FullName {
  const t = POOLS[family.pool];
  return {
    lastName: surnameFor(family.surname, sex),
    firstName: (sex === 'm' ? t.childBoys : t.childGirls).draw(rng),
    patronymic: patronymicFrom(family.father.firstName, sex),
  };
}

/** An adult's full name (staff, kindergarten heads): women are the majority in both. */
export function drawAdultName(rng: Rng, sex: Sex, pool: NamePool = 'russian'): FullName {
  const t = POOLS[pool];
  const surname = t.surnames.draw(rng);
  return {
    lastName: surnameFor(surname, sex),
    firstName: (sex === 'm' ? t.men : t.women).draw(rng),
    patronymic: patronymicFrom(t.grandfathers.draw(rng), sex),
  };
}

const TRANSLIT: Record<string, string> = {
  а: 'a',
  б: 'b',
  в: 'v',
  г: 'g',
  д: 'd',
  е: 'e',
  ё: 'e',
  ж: 'zh',
  з: 'z',
  и: 'i',
  й: 'y',
  к: 'k',
  л: 'l',
  м: 'm',
  н: 'n',
  о: 'o',
  п: 'p',
  р: 'r',
  с: 's',
  т: 't',
  у: 'u',
  ф: 'f',
  х: 'kh',
  ц: 'ts',
  ч: 'ch',
  ш: 'sh',
  щ: 'shch',
  ъ: '',
  ы: 'y',
  ь: '',
  э: 'e',
  ю: 'yu',
  я: 'ya',
};

/** Latin transliteration (close to the passport rules) for e-mail addresses and English names. */
export function transliterate(text: string): string {
  let out = '';
  for (const ch of text) {
    const lower = ch.toLowerCase();
    const latin = TRANSLIT[lower];
    if (latin === undefined) out += ch;
    else if (lower !== ch && latin) out += latin[0]!.toUpperCase() + latin.slice(1);
    else out += latin;
  }
  return out;
}

/** A plausible private e-mail address on example.ru for a person. */
export function emailFor(rng: Rng, name: FullName): string {
  const first = transliterate(name.firstName).toLowerCase();
  const last = transliterate(name.lastName).toLowerCase();
  const style = rng.int(0, 3);
  const year = rng.int(80, 99);
  const local =
    style === 0
      ? `${first}.${last}`
      : style === 1
        ? `${first[0]}.${last}${year}`
        : style === 2
          ? `${last}.${first}${rng.int(1, 99)}`
          : `${first}${last[0]}${year}`;
  return `${local.replace(/[^a-z0-9.]/g, '')}@example.ru`;
}

/** A Russian mobile number in the format the demo ЕСИА accounts use: +7 9XX XXX-XX-XX. */
export function mobilePhone(rng: Rng): string {
  const p = (n: number, w: number) => String(n).padStart(w, '0');
  return `+7 9${p(rng.int(0, 99), 2)} ${p(rng.int(0, 999), 3)}-${p(rng.int(0, 99), 2)}-${p(rng.int(0, 99), 2)}`;
}
