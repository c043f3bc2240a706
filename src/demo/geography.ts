import type { Rng } from './random.js';

/**
 * The map of «Демо-область», a fictional region in the middle Volga–Vyatka lands (around the
 * coordinates of Kirov): its municipalities with their centres, villages and streets.
 */

export const REGION_CENTER = { lat: 58.6035, lon: 49.668 } as const;

export type MunicipalityKind = 'urban_district' | 'municipal_district' | 'municipal_okrug';

const KIND_RU: Record<MunicipalityKind, string> = {
  urban_district: 'городской округ',
  municipal_district: 'муниципальный район',
  municipal_okrug: 'муниципальный округ',
};
const KIND_EN: Record<MunicipalityKind, string> = {
  urban_district: 'Urban District',
  municipal_district: 'Municipal District',
  municipal_okrug: 'Municipal Okrug',
};
/** OKTMO's third digit: 7 for urban districts, 6 for municipal districts, 5 for municipal okrugs. */
const KIND_OKTMO: Record<MunicipalityKind, string> = {
  urban_district: '7',
  municipal_district: '6',
  municipal_okrug: '5',
};

export interface MunicipalityDefinition {
  code: string;
  nameRu: string;
  nameEn: string;
  kind: MunicipalityKind;
  /** The administrative centre, as written in addresses: «г. Северск», «пгт Ключи», «с. Троицкое». */
  town: string;
  /** A national language taught in some of its kindergartens besides Russian. */
  nationalLanguage: 'tt' | 'udm' | null;
}

// code, adjective (agrees with «округ»/«район»), kind, centre.
const MUNICIPALITIES: readonly (readonly [
  string,
  string,
  MunicipalityKind,
  string,
  ('tt' | 'udm' | null)?,
])[] = [
  ['severskiy', 'Северский', 'urban_district', 'г. Северск'],
  ['zarechny', 'Заречный', 'municipal_district', 'г. Заречный'],
  ['ozerny', 'Озёрный', 'municipal_district', 'пгт Озёрный'],
  ['pokrovskiy', 'Покровский', 'municipal_okrug', 'г. Покровск'],
  ['kamenskiy', 'Каменский', 'urban_district', 'г. Каменск'],
  ['sosnovskiy', 'Сосновский', 'municipal_district', 'пгт Сосновка', 'udm'],
  ['belokholmskiy', 'Белохолмский', 'municipal_okrug', 'г. Белый Холм', 'tt'],
  ['nikolskiy', 'Никольский', 'municipal_district', 'г. Никольск'],
  ['troitskiy', 'Троицкий', 'municipal_district', 'с. Троицкое'],
  ['uspenskiy', 'Успенский', 'municipal_okrug', 'с. Успенское'],
  ['klyuchevskoy', 'Ключевской', 'municipal_district', 'пгт Ключи', 'tt'],
  ['berezovskiy', 'Берёзовский', 'urban_district', 'г. Берёзовск'],
  ['lugovskoy', 'Луговской', 'municipal_district', 'пгт Луговой'],
  ['yagodninskiy', 'Ягоднинский', 'municipal_okrug', 'пгт Ягодное'],
  ['rechnoy', 'Речной', 'municipal_district', 'пгт Речной', 'udm'],
  ['verkhovskiy', 'Верховский', 'municipal_district', 'пгт Верховье'],
  ['lesnoy', 'Лесной', 'urban_district', 'г. Лесной'],
  ['krasnoborskiy', 'Красноборский', 'municipal_district', 'с. Красный Бор'],
  ['podgorny', 'Подгорный', 'municipal_district', 'пгт Подгорный'],
  ['svetlovskiy', 'Светловский', 'municipal_okrug', 'г. Светлов'],
  ['dubravinskiy', 'Дубравинский', 'municipal_district', 'с. Дубравино'],
  ['polyanskiy', 'Полянский', 'municipal_okrug', 'г. Поляны', 'tt'],
  ['vyselkovskiy', 'Выселковский', 'municipal_district', 'с. Выселки'],
  ['gorodishchenskiy', 'Городищенский', 'municipal_district', 'пгт Городище'],
  ['staroselskiy', 'Старосельский', 'municipal_district', 'с. Старое Село'],
  ['novoselovskiy', 'Новосёловский', 'municipal_okrug', 'с. Новосёлово'],
  ['rodnikovskiy', 'Родниковский', 'urban_district', 'г. Родники'],
  ['sokolovskiy', 'Соколовский', 'municipal_district', 'пгт Соколовка', 'udm'],
  ['zelenoborskiy', 'Зеленоборский', 'urban_district', 'г. Зеленоборск'],
  ['zapadny', 'Западный', 'municipal_district', 'пгт Западный'],
  ['vostochny', 'Восточный', 'municipal_district', 'пгт Восточный'],
  ['prirechny', 'Приречный', 'municipal_okrug', 'с. Приречное'],
  ['mikhaylovskiy', 'Михайловский', 'municipal_district', 'с. Михайловка'],
  ['znamenskiy', 'Знаменский', 'municipal_district', 'с. Знаменка'],
  ['ilyinskiy', 'Ильинский', 'municipal_okrug', 'с. Ильинское', 'tt'],
  ['voskresenskiy', 'Воскресенский', 'municipal_district', 'г. Воскресенск'],
  ['pervomayskiy', 'Первомайский', 'urban_district', 'г. Первомайск'],
  ['oktyabrskiy', 'Октябрьский', 'municipal_district', 'пгт Октябрьский'],
  ['yuzhny', 'Южный', 'urban_district', 'г. Южный'],
  ['kedrovskiy', 'Кедровский', 'municipal_okrug', 'пгт Кедровый'],
];

export const MAX_MUNICIPALITIES = MUNICIPALITIES.length;

/** The first `count` municipalities; the first one is the regional centre. */
export function municipalityDefinitions(count: number): MunicipalityDefinition[] {
  if (count < 1 || count > MUNICIPALITIES.length) {
    throw new Error(`The demo region has 1..${MUNICIPALITIES.length} municipalities, not ${count}`);
  }
  return MUNICIPALITIES.slice(0, count).map(([code, adjective, kind, town, language]) => ({
    code,
    nameRu: `${adjective} ${KIND_RU[kind]}`,
    nameEn: `${code[0]!.toUpperCase()}${code.slice(1)} ${KIND_EN[kind]}`,
    kind,
    town,
    nationalLanguage: language ?? null,
  }));
}

/** OKTMO-like code: region 99, the kind digit, the municipality's number, 000. */
export function oktmoFor(index: number, kind: MunicipalityKind): string {
  return `99${KIND_OKTMO[kind]}${String(index + 1).padStart(2, '0')}000`;
}

/**
 * Centres: the regional centre at REGION_CENTER, the others on a golden-angle spiral around it
 * (0.6°–2.4° of latitude away), longitude stretched by 1/cos(latitude) so distances look right on a map.
 */
export function municipalityCenter(index: number, count: number, rng: Rng): { lat: number; lon: number } {
  if (index === 0) return { ...REGION_CENTER };
  const angle = index * 2.399963 + rng.real(-0.25, 0.25);
  const radius = 0.6 + 1.8 * Math.sqrt(index / Math.max(1, count - 1)) + rng.real(-0.1, 0.1);
  const stretch = 1 / Math.cos((REGION_CENTER.lat * Math.PI) / 180);
  return {
    lat: round6(REGION_CENTER.lat + radius * Math.sin(angle)),
    lon: round6(REGION_CENTER.lon + radius * Math.cos(angle) * stretch),
  };
}

export const round6 = (x: number): number => Math.round(x * 1e6) / 1e6;

/** A point about `radiusKm` (1 sd) from a centre, for buildings in a town or villages in a district. */
export function scatter(
  rng: Rng,
  center: { lat: number; lon: number },
  radiusKm: number,
): { lat: number; lon: number } {
  const dLat = rng.normal(0, radiusKm / 111.2);
  const dLon = rng.normal(0, radiusKm / (111.2 * Math.cos((center.lat * Math.PI) / 180)));
  return { lat: round6(center.lat + dLat), lon: round6(center.lon + dLon) };
}

/** Distance in km (equirectangular; fine at town scale). */
export function distanceKm(a: { lat: number; lon: number }, b: { lat: number; lon: number }): number {
  const x = (b.lon - a.lon) * Math.cos((((a.lat + b.lat) / 2) * Math.PI) / 180);
  const y = b.lat - a.lat;
  return Math.sqrt(x * x + y * y) * 111.2;
}

export const STREETS: readonly string[] = [
  'ул. Ленина',
  'ул. Советская',
  'ул. Мира',
  'ул. Молодёжная',
  'ул. Школьная',
  'ул. Садовая',
  'ул. Лесная',
  'ул. Набережная',
  'ул. Гагарина',
  'ул. Октябрьская',
  'ул. Первомайская',
  'ул. Комсомольская',
  'ул. Пушкина',
  'ул. Чехова',
  'ул. Московская',
  'пр-т Строителей',
  'ул. Заводская',
  'ул. Победы',
  'ул. Пролетарская',
  'ул. Кирова',
  'ул. Горького',
  'ул. Калинина',
  'ул. Свободы',
  'ул. Юбилейная',
  'ул. Весенняя',
  'ул. Солнечная',
  'ул. Северная',
  'ул. Южная',
  'пер. Тихий',
  'ул. Полевая',
  'ул. Зелёная',
  'ул. Спортивная',
  'ул. Строителей',
  'ул. Энергетиков',
  'ул. Лермонтова',
  'ул. Некрасова',
  'ул. Маяковского',
  'ул. Чкалова',
  'ул. Луговая',
  'ул. Речная',
  'ул. Дружбы',
  'ул. Новая',
  'ул. Труда',
  'ул. Мичурина',
  'ул. Вокзальная',
  'ул. Профсоюзная',
  'ул. Циолковского',
  'ул. Королёва',
  'ул. Тургенева',
  'ул. Есенина',
  'ул. Цветочная',
  'ул. Берёзовая',
  'ул. Рябиновая',
  'ул. Сиреневая',
  'пер. Почтовый',
  'пер. Кооперативный',
  'пр-т Октябрьский',
  'ул. Интернациональная',
  'ул. Дзержинского',
  'ул. 8 Марта',
  'ул. Ломоносова',
  'ул. Суворова',
  'ул. Жуковского',
  'ул. Карла Маркса',
  'ул. Володарского',
  'ул. Фрунзе',
  'ул. Ивана Попова',
  'ул. Преображенская',
  'б-р Победы',
];

const VILLAGES: readonly string[] = [
  'с. Никольское',
  'д. Берёзовка',
  'д. Ивановка',
  'с. Сосновка',
  'д. Липовка',
  'д. Каменка',
  'с. Михайловское',
  'с. Покровское',
  'с. Воскресенское',
  'д. Павловка',
  'с. Знаменское',
  'д. Малиновка',
  'с. Ильинское',
  'с. Богородское',
  'д. Заречье',
  'с. Рождественское',
  'д. Круглово',
  'с. Петровское',
  'д. Гари',
  'с. Спасское',
  'д. Осиновка',
  'с. Троицкое',
  'д. Васильево',
  'с. Архангельское',
  'д. Луговая',
  'с. Чистополье',
  'д. Ключи',
  'с. Вознесенское',
  'д. Подгорная',
  'с. Успенское',
  'д. Лесная Поляна',
  'с. Сретенское',
  'д. Красная Горка',
  'с. Медведево',
  'д. Марьино',
  'с. Шалегово',
  'д. Бобино',
  'с. Верхобыстрица',
  'д. Сунцы',
  'с. Кстинино',
  'д. Мокино',
  'с. Талица',
  'д. Сырьяны',
  'с. Русское',
  'д. Новоселы',
  'с. Куршаково',
  'д. Юрья',
  'с. Пасегово',
  'д. Малая Субботиха',
  'с. Рябово',
];

/** `count` distinct villages of a district. */
export function drawVillages(rng: Rng, count: number, exclude: string): string[] {
  return rng.sample(
    VILLAGES.filter((v) => v !== exclude),
    count,
  );
}

/** A house number as written in addresses: «д. 12», sometimes with a building letter or «корп. 2». */
export function houseNumber(rng: Rng, max = 120): string {
  const n = rng.int(1, max);
  const r = rng.next();
  if (r < 0.06) return `д. ${n}${rng.pick(['а', 'б', 'в'])}`;
  if (r < 0.1) return `д. ${n}, корп. ${rng.int(1, 3)}`;
  return `д. ${n}`;
}
