import type { Orientation, StayMode } from '../modules/kindergarten/tables.js';
import { DEMO_ESIA_ACCOUNTS } from '../platform/auth/demo-esia-accounts.js';
import { apportion } from './apportion.js';
import {
  addMonths,
  addYears,
  dayOf,
  formatDay,
  formatMoment,
  localMoment,
  nextSeptemberFirst,
  schoolYearStart,
  septemberFirst,
  yearOf,
  type Day,
} from './calendar.js';
import { birthsInYear, birthWindow, registrationDelayCdf, TAKE_UP } from './demography.js';
import {
  distanceKm,
  drawVillages,
  houseNumber,
  municipalityCenter,
  municipalityDefinitions,
  oktmoFor,
  scatter,
  STREETS,
  type MunicipalityDefinition,
} from './geography.js';
import { Rng } from './random.js';
import { drawAdultName, fullNameText, transliterate, type NamePool } from './russian-names.js';
import type {
  CatalogRows,
  ConstructionNoteRow,
  GroupCapacityRow,
  GroupRow,
  RoleAssignmentRow,
  UserRow,
} from './rows.js';
import type { Scale } from './scales.js';

/**
 * The catalog of the demo region: municipalities, kindergartens with their groups, births, staff and
 * the demo citizens' accounts. Sized from the expected number of children so that places for 3–7 year
 * olds roughly meet demand while nurseries (1–3) are short, as in most Russian regions.
 */

export interface GroupModel {
  id: number;
  kindergartenId: number;
  ageFrom: number;
  ageTo: number;
  orientation: Orientation;
  stayMode: StayMode;
  capacity: number;
  /** First day children can be placed in the group. */
  availableFrom: Day;
}

export interface KindergartenModel {
  id: number;
  code: string;
  municipalityIndex: number;
  lat: number;
  lon: number;
  /** Where the building is: the municipality's centre or one of its villages. */
  place: string;
  village: boolean;
  operating: boolean;
  popularity: number;
  groups: GroupModel[];
  /** The nearest operating kindergartens of the municipality, nearest first (not itself). */
  neighbors: number[];
  headUserId: string | null;
}

export interface MunicipalityModel {
  index: number;
  id: number;
  definition: MunicipalityDefinition;
  /** Settlements with their weight as places to live: the centre first. */
  places: { name: string; village: boolean; weight: number }[];
  maxPreferences: number;
  /** Operating kindergartens, the only ones parents choose and children attend. */
  kindergartens: KindergartenModel[];
  officerUserId: string;
  /** Births by calendar year, unrounded (the generator draws children from these). */
  births: Map<number, number>;
  targetApplications: number;
}

export interface CatalogModel {
  seed: number;
  scale: Scale;
  reference: Day;
  /** The first school year the simulation of placements starts with. */
  firstSchoolYear: Day;
  /** When the kindergartens' records were created (the capacity history starts here). */
  catalogSince: Day;
  municipalities: MunicipalityModel[];
  kindergartens: Map<number, KindergartenModel>;
  groups: Map<number, GroupModel>;
  citizenUserIds: Map<string, string>;
  rows: CatalogRows;
}

const ORIENTATIONS: readonly Orientation[] = ['general', 'combined', 'compensating', 'health'];
const ORIENTATION_WEIGHTS = [0.86, 0.05, 0.05, 0.04];
const STAY_MODES: readonly StayMode[] = ['full', 'extended', 'short', 'reduced', 'round_the_clock'];
const STAY_WEIGHTS = [0.9, 0.04, 0.03, 0.02, 0.01];

/** Share of the children of an age (on 1 September) the municipality has places for. */
const SUPPLY_RATIO: Record<number, number> = { 1: 0.17, 2: 0.5, 3: 0.95, 4: 0.95, 5: 0.95, 6: 0.93 };
const OLDER_GROUP_CAPACITY = 22.5;
const NURSERY_GROUP_CAPACITY = 13.5;

const KINDERGARTEN_NAMES = (
  'Солнышко Ромашка Берёзка Колокольчик Теремок Радуга Сказка Ласточка Светлячок Улыбка Родничок Журавушка ' +
  'Рябинка Дюймовочка Малыш Незабудка Звёздочка Капелька Ручеёк Снежинка Алёнушка Василёк Одуванчик Белочка ' +
  'Семицветик Лучик Золотой_ключик Аленький_цветочек Колосок Чебурашка Солнечный_зайчик Росинка Кораблик ' +
  'Буратино Золотая_рыбка Калинка Сказочный_городок Умка Ёлочка Лесовичок Огонёк Гнёздышко Петушок Дельфин'
)
  .split(' ')
  .map((n) => n.replace(/_/g, ' '));

const GROUP_NAMES = (
  'Гномики Пчёлки Солнышко Звёздочки Капельки Ромашки Колокольчики Непоседы Почемучки Светлячки Божьи_коровки ' +
  'Смешарики Лучики Радуга Теремок Ягодки Бабочки Кораблик Улыбка Золотая_рыбка Белочки Медвежата Рябинка ' +
  'Дельфинчики Ладушки Фантазёры Знайки Одуванчики Карамельки Васильки Сказка Семицветик Совята Зайчата'
)
  .split(' ')
  .map((n) => n.replace(/_/g, ' '));

const FEATURES = [
  'бассейн',
  'физкультурный зал',
  'музыкальный зал',
  'логопедический пункт',
  'кабинет педагога-психолога',
  'сенсорная комната',
  'зимний сад',
  'экологическая тропа',
  'мини-музей народного быта',
  'метеоплощадка',
  'спортивная площадка с мягким покрытием',
  'кабинет робототехники',
];

const CONSTRUCTION_STAGES: readonly (readonly [number, string, string])[] = [
  [
    0,
    'Выделен земельный участок, ведутся инженерные изыскания',
    'Land plot allocated, engineering surveys under way',
  ],
  [
    3,
    'Проект получил положительное заключение государственной экспертизы',
    'Design approved by the state expert review',
  ],
  [8, 'Определён подрядчик по итогам электронного аукциона', 'Contractor selected by an electronic auction'],
  [18, 'Завершены работы нулевого цикла, залит фундамент', 'Foundation works completed'],
  [
    35,
    'Возводятся стены и перекрытия второго этажа',
    'Walls and floors of the second storey are being built',
  ],
  [
    55,
    'Здание возведено под кровлю, ведётся монтаж окон',
    'Building closed under the roof, windows being installed',
  ],
  [
    70,
    'Идут внутренние отделочные работы и монтаж инженерных сетей',
    'Interior finishing and utilities being installed',
  ],
  [
    85,
    'Благоустройство территории, установка игрового оборудования',
    'Landscaping, playground equipment being installed',
  ],
  [
    95,
    'Закупка мебели и оборудования, набор персонала',
    'Furniture and equipment purchased, staff being recruited',
  ],
];

const NEIGHBOR_COUNT = 12;

interface AgeBand {
  from: number;
  to: number;
  label: string;
}

const BANDS: Record<string, AgeBand> = {
  '1-2': { from: 1, to: 2, label: 'группа раннего возраста, 1–2 года' },
  '2-3': { from: 2, to: 3, label: 'первая младшая группа, 2–3 года' },
  '3-4': { from: 3, to: 4, label: 'вторая младшая группа, 3–4 года' },
  '4-5': { from: 4, to: 5, label: 'средняя группа, 4–5 лет' },
  '5-6': { from: 5, to: 6, label: 'старшая группа, 5–6 лет' },
  '6-7': { from: 6, to: 7, label: 'подготовительная группа, 6–7 лет' },
  '1-3': { from: 1, to: 3, label: 'разновозрастная группа раннего возраста, 1–3 года' },
  '3-7': { from: 3, to: 7, label: 'разновозрастная группа, 3–7 лет' },
};

const ORIENTATION_LABEL: Record<Orientation, string> = {
  general: '',
  combined: ', комбинированной направленности',
  compensating: ', компенсирующей направленности',
  health: ', оздоровительной направленности',
};
const STAY_LABEL: Record<StayMode, string> = {
  full: '',
  extended: ', продлённого дня',
  short: ', кратковременного пребывания',
  reduced: ', сокращённого дня',
  round_the_clock: ', круглосуточного пребывания',
};
const LANGUAGE_LABEL: Record<string, string> = { tt: ', на татарском языке', udm: ', на удмуртском языке' };

/** A group to create in a kindergarten before ids are given. */
interface GroupPlan {
  band: AgeBand;
  orientation: Orientation;
  stayMode: StayMode;
  language: string;
  capacity: number;
}

export function generateCatalog(scale: Scale, seed: number, reference: Day): CatalogModel {
  const rng = Rng.derive(seed, 'catalog');
  const userRng = Rng.derive(seed, 'users');
  const referenceYear = yearOf(reference);
  const window = birthWindow(reference);
  const firstSchoolYear = nextSeptemberFirst(addYears(window.from, 1));
  const catalogSince = firstSchoolYear - 120;

  const definitions = municipalityDefinitions(scale.municipalities);
  // Population shares: the regional centre, then the districts (unequal, drawn).
  const others = definitions.slice(1).map(() => rng.real(0.5, 1.5));
  const otherSum = others.reduce((s, w) => s + w, 0) || 1;
  const shares =
    definitions.length === 1
      ? [1]
      : [scale.capitalShare, ...others.map((w) => ((1 - scale.capitalShare) * w) / otherSum)];
  const targets = apportion(scale.applications, shares, 1);

  // Rural districts have many small kindergartens: the count grows slower than the population.
  const operatingTotal = scale.kindergartens - scale.unbuilt;
  const kgCounts = apportion(
    operatingTotal,
    shares.map((s) => s ** 0.6),
    1,
  );
  const unbuiltCounts = apportion(scale.unbuilt, shares);

  const rows: CatalogRows = {
    region: { id: 1, name_ru: 'Демо-область', name_en: 'Demo Region', config: {} },
    municipalities: [],
    users: [],
    roleAssignments: [],
    kindergartens: [],
    constructionNotes: [],
    groups: [],
    groupCapacities: [],
    births: [],
  };

  const staff = (
    login: string,
    role: RoleAssignmentRow['role'],
    municipalityId: number | null,
    kindergartenId: number | null,
    name: string,
  ) => {
    const id = userRng.uuid();
    rows.users.push({
      id,
      kind: 'staff',
      login,
      oidc_subject: null,
      full_name: name,
      email: `${login}@example.ru`,
      phone: null,
    });
    rows.roleAssignments.push({
      user_id: id,
      role,
      municipality_id: municipalityId,
      kindergarten_id: kindergartenId,
    });
    return id;
  };
  const staffName = () => fullNameText(drawAdultName(userRng, userRng.chance(0.75) ? 'f' : 'm'));
  staff('admin', 'regional_admin', null, null, staffName());
  staff('auditor', 'auditor', null, null, staffName());
  staff('sysadmin', 'sysadmin', null, null, staffName());

  const citizenUserIds = new Map<string, string>();
  for (const account of DEMO_ESIA_ACCOUNTS) {
    const id = userRng.uuid();
    citizenUserIds.set(account.sub, id);
    const user: UserRow = {
      id,
      kind: 'citizen',
      login: null,
      oidc_subject: account.sub,
      full_name: `${account.lastName} ${account.firstName} ${account.middleName}`,
      email: account.email,
      phone: account.phone,
    };
    rows.users.push(user);
    rows.roleAssignments.push({ user_id: id, role: 'citizen', municipality_id: null, kindergarten_id: null });
  }

  const municipalities: MunicipalityModel[] = [];
  const kindergartens = new Map<number, KindergartenModel>();
  const groups = new Map<number, GroupModel>();
  let nextKgId = 1;
  let nextGroupId = 1;

  definitions.forEach((definition, index) => {
    const mrng = Rng.derive(seed, 'catalog', definition.code);
    const id = index + 1;
    const center = municipalityCenter(index, definitions.length, mrng);
    const maxPreferences = index % 4 === 3 ? 3 : 5;
    rows.municipalities.push({
      id,
      code: definition.code,
      name_ru: definition.nameRu,
      name_en: definition.nameEn,
      oktmo: oktmoFor(index, definition.kind),
      center_lat: center.lat,
      center_lon: center.lon,
      config: maxPreferences === 5 ? {} : { maxPreferences },
    });
    const officerUserId = staff(`officer-${definition.code}`, 'municipal_officer', id, null, staffName());

    // Births: the base year (reference − 1) sized so the expected registered children meet the target.
    const noise = new Map<number, number>();
    for (let y = referenceYear - 13; y <= referenceYear; y++) noise.set(y, mrng.real(0.96, 1.04));
    const expectedPerBase = expectedRegistered(reference, window.from, (y) =>
      birthsInYear(1, y, referenceYear, noise.get(y) ?? 1),
    );
    const base = targets[index]! / expectedPerBase;
    const births = new Map<number, number>();
    for (let y = referenceYear - 13; y <= referenceYear; y++)
      births.set(y, birthsInYear(base, y, referenceYear, noise.get(y)!));
    for (let y = referenceYear - 12; y <= referenceYear - 1; y++) {
      rows.births.push({ municipality_id: id, year: y, births: Math.round(births.get(y)!) });
    }

    // Settlements: the regional centre is one city; a district has its centre and villages.
    const isCapital = index === 0;
    const villageNames = isCapital ? [] : drawVillages(mrng, mrng.int(4, 9), definition.town);
    const places = [
      { name: definition.town, village: false, weight: isCapital ? 1 : 0.6 },
      ...villageNames.map((name) => ({ name, village: true, weight: 0.4 / villageNames.length })),
    ];
    const placeCenters = new Map<string, { lat: number; lon: number }>();
    placeCenters.set(definition.town, center);
    for (const v of villageNames) placeCenters.set(v, scatter(mrng, center, 18));

    const operating = kgCounts[index]!;
    const villageKgs = isCapital || operating < 3 ? 0 : Math.round(operating * 0.4);
    const s0 = schoolYearStart(reference);
    const supply = new Map<number, number>();
    for (let age = 1; age <= 6; age++) {
      const cohort = expectedCohort(addYears(s0, -(age + 1)), addYears(s0, -age), (y) => births.get(y) ?? 0);
      supply.set(age, cohort * TAKE_UP * SUPPLY_RATIO[age]!);
    }
    const plans = planGroups(mrng, operating, villageKgs, supply, definition.nationalLanguage);

    const townRadius = isCapital ? 4.5 : 1.8;
    const usedNumbers = new Set<number>();
    const usedNames = new Set<string>();
    const kgModels: KindergartenModel[] = [];
    const newKg = (village: boolean) => {
      const place = village ? mrng.pick(villageNames) : definition.town;
      const at = village ? scatter(mrng, placeCenters.get(place)!, 0.5) : scatter(mrng, center, townRadius);
      let fancy = mrng.pick(KINDERGARTEN_NAMES);
      for (let tries = 0; tries < 5 && usedNames.has(fancy); tries++) fancy = mrng.pick(KINDERGARTEN_NAMES);
      usedNames.add(fancy);
      return { place, at, fancy };
    };
    const kgNumber = (count: number) => {
      let n = mrng.int(1, Math.max(3, Math.round(count * 1.4)));
      while (usedNumbers.has(n)) n++;
      usedNumbers.add(n);
      return n;
    };

    // Operating kindergartens.
    plans.forEach((plan, k) => {
      const kgId = nextKgId++;
      const code = `K${String(kgId).padStart(4, '0')}`;
      const { place, at, fancy } = newKg(plan.village);
      const number = plan.village ? null : kgNumber(operating - villageKgs);
      const cdr = !plan.village && mrng.chance(0.05);
      const name = plan.village
        ? `Детский сад „${fancy}“ ${place}`
        : `${cdr ? 'Центр развития ребёнка — детский сад' : 'Детский сад'} № ${number} „${fancy}“`;
      const nameEn = plan.village
        ? `Kindergarten "${transliterate(fancy)}", ${transliterate(place.replace(/^[сд]\. /, ''))}`
        : `${cdr ? 'Child Development Centre — Kindergarten' : 'Kindergarten'} No. ${number} "${transliterate(fancy)}"`;
      // A few kindergartens opened during the years the data covers; the others long before.
      const recent = !plan.village && k > 0 && mrng.chance(0.03);
      const openingDate = recent
        ? mrng.pick([septemberFirst(yearOf(s0) - mrng.int(0, 2)), addMonths(s0, -mrng.int(4, 20))])
        : dayOf(mrng.int(1958, 2016), 9, 1);
      const availableFrom = recent ? openingDate : catalogSince;
      const headName = drawAdultName(mrng, mrng.chance(0.93) ? 'f' : 'm');
      const headUserId = staff(
        `head-${code.toLowerCase()}`,
        'kindergarten_head',
        id,
        kgId,
        fullNameText(headName),
      );
      const languages = plan.groups.some((g) => g.language !== 'ru')
        ? ['ru', definition.nationalLanguage!]
        : ['ru'];
      const hasRoundTheClock = plan.groups.some((g) => g.stayMode === 'round_the_clock');
      rows.kindergartens.push({
        id: kgId,
        municipality_id: id,
        code,
        name_ru: name,
        name_en: nameEn,
        address: `${postcode(index, mrng)}, ${place}, ${mrng.pick(STREETS)}, ${houseNumber(mrng, plan.village ? 40 : 120)}`,
        lat: at.lat,
        lon: at.lon,
        phone: landline(index, mrng),
        email: `${code.toLowerCase()}@detsad.example.ru`,
        website: `https://${code.toLowerCase()}.detsad.example.ru`,
        head_name: fullNameText(headName),
        working_hours: hasRoundTheClock
          ? 'пн–пт 7:00–19:00; круглосуточная группа — с 7:00 пн до 19:00 пт'
          : plan.village
            ? mrng.pick(['пн–пт 7:30–17:30', 'пн–пт 7:00–17:00'])
            : mrng.chance(0.8)
              ? 'пн–пт 7:00–19:00'
              : 'пн–пт 7:30–18:00',
        status: 'operating',
        opening_date: formatDay(openingDate),
        planned_capacity: null,
        accessible: mrng.chance(0.3),
        languages,
        description: describe(mrng, plan.village),
        photos: [],
      });
      const model: KindergartenModel = {
        id: kgId,
        code,
        municipalityIndex: index,
        lat: at.lat,
        lon: at.lon,
        place,
        village: plan.village,
        operating: true,
        popularity: Math.exp(mrng.normal(0, 0.5)),
        groups: [],
        neighbors: [],
        headUserId,
      };
      const createdAt = recent ? openingDate - 30 : catalogSince;
      model.groups = addGroups(mrng, kgId, plan.groups, createdAt, availableFrom, true);
      kgModels.push(model);
      kindergartens.set(kgId, model);
      for (const g of model.groups) groups.set(g.id, g);
    });

    // Kindergartens under construction or planned, with their future groups closed.
    for (let u = 0; u < unbuiltCounts[index]!; u++) {
      const kgId = nextKgId++;
      const code = `K${String(kgId).padStart(4, '0')}`;
      const { place, at, fancy } = newKg(false);
      const underConstruction = mrng.chance(0.65);
      const groupPlans = unbuiltGroups(mrng);
      const capacity = groupPlans.reduce((s, g) => s + g.capacity, 0);
      const opening = underConstruction
        ? septemberFirst(
            yearOf(reference) + (reference < dayOf(yearOf(reference), 3, 1) ? 0 : 1) + mrng.int(0, 1),
          )
        : septemberFirst(yearOf(reference) + mrng.int(2, 3));
      const district = mrng.pick([
        'Северный',
        'Солнечный',
        'Южный',
        'Юбилейный',
        'Радужный',
        'Заречный',
        'Лесной',
        'Восточный',
      ]);
      rows.kindergartens.push({
        id: kgId,
        municipality_id: id,
        code,
        name_ru: `Детский сад на ${capacity} мест в мкр. „${district}“, ${place}`,
        name_en: `Kindergarten for ${capacity} children, ${transliterate(district)} neighbourhood`,
        address: `${postcode(index, mrng)}, ${place}, мкр. ${district}, ${mrng.pick(STREETS)}, ${houseNumber(mrng, 60)}`,
        lat: at.lat,
        lon: at.lon,
        phone: null,
        email: null,
        website: null,
        head_name: null,
        working_hours: 'пн–пт 7:00–19:00',
        status: underConstruction ? 'under_construction' : 'planned',
        opening_date: formatDay(opening),
        planned_capacity: capacity,
        accessible: true,
        languages: ['ru'],
        description: `Строится по национальному проекту «Демография»: ${fancy.toLowerCase()} — рабочее название. Бассейн, физкультурный и музыкальный залы, группы для детей с 1 года.`,
        photos: [],
      });
      const createdAt = reference - mrng.int(30, 300);
      addGroups(mrng, kgId, groupPlans, createdAt, opening, false);
      rows.constructionNotes.push(...constructionNotes(mrng, kgId, reference, underConstruction));
    }

    // Neighbours: nearest operating kindergartens, for parents' choices and offers of another place.
    for (const kg of kgModels) {
      kg.neighbors = kgModels
        .filter((o) => o.id !== kg.id)
        .map((o) => ({ id: o.id, d: distanceKm(kg, o) }))
        .sort((a, b) => a.d - b.d || a.id - b.id)
        .slice(0, NEIGHBOR_COUNT)
        .map((o) => o.id);
    }

    municipalities.push({
      index,
      id,
      definition,
      places,
      maxPreferences,
      kindergartens: kgModels,
      officerUserId,
      births,
      targetApplications: targets[index]!,
    });
  });

  function addGroups(
    grng: Rng,
    kgId: number,
    plans: GroupPlan[],
    createdAt: Day,
    availableFrom: Day,
    open: boolean,
  ): GroupModel[] {
    const names = grng.sample(GROUP_NAMES, plans.length);
    return plans.map((plan, i) => {
      const id = nextGroupId++;
      const row: GroupRow = {
        id,
        kindergarten_id: kgId,
        name: `«${names[i]}» (${plan.band.label}${ORIENTATION_LABEL[plan.orientation]}${STAY_LABEL[plan.stayMode]}${LANGUAGE_LABEL[plan.language] ?? ''})`,
        age_from: plan.band.from,
        age_to: plan.band.to,
        orientation: plan.orientation,
        stay_mode: plan.stayMode,
        language: plan.language,
        capacity: plan.capacity,
        caretakers: 2,
        is_open: open,
      };
      rows.groups.push(row);
      const capacityRow: GroupCapacityRow = {
        group_id: id,
        valid_from: formatMoment(localMoment(createdAt, 10, 0)),
        capacity: plan.capacity,
        caretakers: 2,
      };
      rows.groupCapacities.push(capacityRow);
      return {
        id,
        kindergartenId: kgId,
        ageFrom: plan.band.from,
        ageTo: plan.band.to,
        orientation: plan.orientation,
        stayMode: plan.stayMode,
        capacity: plan.capacity,
        availableFrom,
      };
    });
  }

  return {
    seed,
    scale,
    reference,
    firstSchoolYear,
    catalogSince,
    municipalities,
    kindergartens,
    groups,
    citizenUserIds,
    rows,
  };
}

/** Expected registered children by the reference date for births of `birthsOf(year)` a year. */
function expectedRegistered(reference: Day, from: Day, birthsOf: (year: number) => number): number {
  let sum = 0;
  for (let d = from; d <= reference; d++)
    sum += (birthsOf(yearOf(d)) / 365.25) * TAKE_UP * registrationDelayCdf(reference - d);
  return sum;
}

function expectedCohort(from: Day, to: Day, birthsOf: (year: number) => number): number {
  let sum = 0;
  for (let d = from; d < to; d++) sum += birthsOf(yearOf(d)) / 365.25;
  return sum;
}

interface KindergartenPlan {
  village: boolean;
  groups: GroupPlan[];
}

/**
 * Groups for a municipality's operating kindergartens, sized to `supply` places per age (on 1 September).
 * Village kindergartens have mixed-age groups; town kindergartens one to three groups per age from 3 to 7
 * and fewer nursery groups. Every kindergarten's places do not shrink from one age to the next, so its
 * children can move up a group each September.
 */
function planGroups(
  rng: Rng,
  operating: number,
  villageCount: number,
  supply: Map<number, number>,
  nationalLanguage: string | null,
): KindergartenPlan[] {
  const need = new Map(supply);
  const plans: KindergartenPlan[] = [];
  const takeMixed = (plan: KindergartenPlan, nursery: boolean, olderCapacity: [number, number]) => {
    const older = rng.int(...olderCapacity);
    plan.groups.push(groupPlan(rng, BANDS['3-7']!, older, false));
    for (let a = 3; a <= 6; a++) need.set(a, need.get(a)! - older / 4);
    if (nursery) {
      const young = rng.int(8, 10);
      plan.groups.push({
        band: BANDS['1-3']!,
        orientation: 'general',
        stayMode: 'full',
        language: 'ru',
        capacity: young,
      });
      for (let a = 1; a <= 2; a++) need.set(a, need.get(a)! - young / 2);
    }
  };
  for (let v = 0; v < villageCount; v++) {
    const plan: KindergartenPlan = { village: true, groups: [] };
    takeMixed(plan, rng.chance(0.6), [14, 20]);
    plans.push(plan);
  }
  let towns = operating - villageCount;
  const olderNeed = () => (need.get(3)! + need.get(4)! + need.get(5)! + need.get(6)!) / 4;
  // More kindergartens than groups per age: the smallest ones get mixed-age groups instead.
  const small = Math.max(0, towns - Math.max(1, Math.round(olderNeed() / OLDER_GROUP_CAPACITY)));
  for (let s = 0; s < small && towns > 1; s++) {
    const plan: KindergartenPlan = { village: false, groups: [] };
    takeMixed(plan, rng.chance(0.5), [18, 24]);
    plans.push(plan);
    towns--;
  }
  const weights = Array.from({ length: towns }, () => Math.exp(rng.normal(0, 0.35)));
  const perAge = Math.max(towns, Math.round(olderNeed() / OLDER_GROUP_CAPACITY));
  const older = apportion(perAge, weights, 1, 3);
  const twos = apportion(
    Math.max(0, Math.round(need.get(2)! / NURSERY_GROUP_CAPACITY)),
    weights,
    0,
    Number.POSITIVE_INFINITY,
  ).map((n, k) => Math.min(n, Math.floor(older[k]! * 1.5)));
  const ones = apportion(Math.max(0, Math.round(need.get(1)! / NURSERY_GROUP_CAPACITY)), weights).map(
    (n, k) => Math.min(n, twos[k]!),
  );
  const townPlans: KindergartenPlan[] = [];
  for (let k = 0; k < towns; k++) {
    const groups: GroupPlan[] = [];
    for (let i = 0; i < ones[k]!; i++) groups.push(groupPlan(rng, BANDS['1-2']!, rng.int(12, 15), true));
    for (let i = 0; i < twos[k]!; i++) groups.push(groupPlan(rng, BANDS['2-3']!, rng.int(12, 15), true));
    for (const band of ['3-4', '4-5', '5-6', '6-7']) {
      for (let i = 0; i < older[k]!; i++) groups.push(groupPlan(rng, BANDS[band]!, rng.int(20, 25), false));
    }
    if (nationalLanguage && rng.chance(0.15)) {
      const g = groups.find((p) => p.band.from >= 4 && p.orientation === 'general');
      if (g) g.language = nationalLanguage;
    }
    townPlans.push({ village: false, groups });
  }
  // Town kindergartens first: the first kindergarten of the region (K0001) is a full-size one.
  return [...townPlans, ...plans];
}

function groupPlan(rng: Rng, band: AgeBand, capacity: number, nursery: boolean): GroupPlan {
  const orientation = nursery
    ? rng.chance(0.95)
      ? 'general'
      : 'health'
    : rng.weighted(ORIENTATIONS, ORIENTATION_WEIGHTS);
  const stayMode = nursery ? (rng.chance(0.94) ? 'full' : 'short') : rng.weighted(STAY_MODES, STAY_WEIGHTS);
  const small = orientation === 'compensating' || stayMode === 'short';
  return {
    band,
    orientation,
    stayMode,
    language: 'ru',
    capacity: small ? Math.min(capacity, rng.int(12, 15)) : capacity,
  };
}

function unbuiltGroups(rng: Rng): GroupPlan[] {
  const perAge = rng.int(1, 2);
  const groups: GroupPlan[] = [];
  for (let i = 0; i < perAge; i++) groups.push(groupPlan(rng, BANDS['1-2']!, rng.int(12, 15), true));
  for (let i = 0; i < perAge; i++) groups.push(groupPlan(rng, BANDS['2-3']!, rng.int(12, 15), true));
  for (const band of ['3-4', '4-5', '5-6', '6-7']) {
    for (let i = 0; i < perAge; i++)
      groups.push({
        band: BANDS[band]!,
        orientation: 'general',
        stayMode: 'full',
        language: 'ru',
        capacity: rng.int(20, 25),
      });
  }
  return groups;
}

function constructionNotes(
  rng: Rng,
  kgId: number,
  reference: Day,
  underConstruction: boolean,
): ConstructionNoteRow[] {
  const count = rng.int(1, 3);
  const finalProgress = underConstruction ? rng.int(20, 92) : rng.int(0, 8);
  const notes: ConstructionNoteRow[] = [];
  for (let i = 0; i < count; i++) {
    // Evenly spaced visits over the last months, progress growing to the latest figure.
    const progress = Math.round((finalProgress * (i + 1)) / count);
    const noted = reference - (count - 1 - i) * rng.int(40, 90) - rng.int(0, 20);
    const stage = [...CONSTRUCTION_STAGES].reverse().find(([p]) => p <= progress) ?? CONSTRUCTION_STAGES[0]!;
    notes.push({
      kindergarten_id: kgId,
      noted_on: formatDay(noted),
      progress_percent: progress,
      text_ru: stage[1],
      text_en: stage[2],
    });
  }
  return notes;
}

function describe(rng: Rng, village: boolean): string {
  const features = rng.sample(FEATURES, village ? rng.int(1, 2) : rng.int(2, 4));
  return `Муниципальное бюджетное дошкольное образовательное учреждение. Есть: ${features.join(', ')}.`;
}

function postcode(index: number, rng: Rng): string {
  return `6${String(10 + index).padStart(2, '0')}${String(rng.int(0, 99)).padStart(3, '0')}`.slice(0, 6);
}

function landline(index: number, rng: Rng): string {
  const p = (n: number) => String(n).padStart(2, '0');
  return `+7 (83${p(30 + (index % 70))}) ${p(rng.int(20, 79))}-${p(rng.int(0, 99))}-${p(rng.int(0, 99))}`;
}

export type { NamePool };
