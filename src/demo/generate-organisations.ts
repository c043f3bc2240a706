import { innCheckDigits, ogrnCheckDigit } from '../contracts/tax-ids.js';
import { addYears, formatDay, schoolYearStart, yearOf, type Day } from './calendar.js';
import type { CatalogModel } from './generate-catalog.js';
import { certificateLetters } from './generate-people.js';
import { houseNumber, scatter, STREETS } from './geography.js';
import { Rng } from './random.js';
import { DEMO_ESIA_ACCOUNTS } from '../platform/auth/demo-esia-accounts.js';
import { drawAdultName, drawChildName, drawFamily, fullNameText, type Sex } from './russian-names.js';
import type { Scale } from './scales.js';

/**
 * The platform part of the demo region (issue 14): schools with a sample of their pupils, centres of
 * extra education, sports schools and private providers, each municipality's education body, the
 * regional ministry and the regional control centre (ЦУР); official VK communities for about nine in
 * ten schools and kindergartens, about 77 % of them with the clubs mini app (Novosibirsk region's
 * share); staff for every organisation role; older siblings at school for the demo citizens.
 * Deterministic from the seed, like the catalog. Kindergartens join the registry by themselves (a
 * trigger of migration 0011), so their ids are taken and organisations start after them.
 */
export interface OrganisationRow {
  id: number;
  kind:
    | 'school'
    | 'extra_education'
    | 'sports_school'
    | 'private_provider'
    | 'municipal_education_body'
    | 'regional_ministry'
    | 'control_centre';
  full_name: string;
  short_name: string;
  name_en: string;
  inn: string;
  kpp: string;
  ogrn: string;
  municipality_id: number | null;
  address: string;
  lat: number;
  lon: number;
  phone: string;
  email: string;
  website: string | null;
  head_name: string;
}

export interface VkCommunityRow {
  group_id: number;
  organisation_id: number;
  screen_name: string;
  clubs_app_installed: boolean;
}

export interface PupilRow {
  child: {
    id: string;
    last_name: string;
    first_name: string;
    patronymic: string;
    birth_date: string;
    sex: Sex;
    birth_certificate: string;
    source: 'seed';
  };
  enrolment: {
    child_id: string;
    organisation_id: number;
    academic_year: number;
    grade: number;
    letter: string;
    enrolled_on: string;
  };
  /** A demo citizen who is this pupil's parent, if any. */
  representativeUserId: string | null;
}

export interface StaffGrantRow {
  userId: string;
  login: string;
  fullName: string;
  role:
    | 'organisation_head'
    | 'organisation_staff'
    | 'meals_officer'
    | 'cook'
    | 'club_teacher'
    | 'club_coordinator'
    | 'cur_operator'
    | 'contest_organiser'
    | 'contest_expert';
  municipalityId: number | null;
  organisationId: number | null;
  /** Listed on the sign-in page (one or two per role). */
  listed: boolean;
  description: string;
}

export interface NewsRow {
  published_on: string;
  module: string | null;
  title_ru: string;
  title_en: string;
  body_ru: string;
  body_en: string;
  link: string | null;
}

export interface PlatformDemoRows {
  news: NewsRow[];
  organisations: OrganisationRow[];
  vkCommunities: VkCommunityRow[];
  pupils: PupilRow[];
  staff: StaffGrantRow[];
}

/** Per scale: schools, other providers (centres, sports schools, private), pupils in the sample. */
const SIZES: Record<Scale['name'], { schools: number; providers: number; pupils: number }> = {
  tiny: { schools: 4, providers: 2, pupils: 120 },
  demo: { schools: 120, providers: 30, pupils: 12_000 },
  city: { schools: 180, providers: 45, pupils: 30_000 },
  region: { schools: 480, providers: 120, pupils: 60_000 },
  national: { schools: 2_400, providers: 600, pupils: 100_000 },
};

const LETTERS = ['А', 'Б', 'В', 'Г'];
const PROVIDERS: readonly [OrganisationRow['kind'], string, string, string][] = [
  ['extra_education', 'Центр детского творчества', 'ЦДТ', 'Children’s Creativity Centre'],
  ['extra_education', 'Дом детского творчества', 'ДДТ', 'House of Children’s Creativity'],
  ['extra_education', 'Станция юных техников', 'СЮТ', 'Young Technicians’ Station'],
  ['sports_school', 'Спортивная школа', 'СШ', 'Sports School'],
  ['private_provider', 'Детский технопарк «Кванториум»', 'Кванториум', 'Kvantorium Children’s Technopark'],
  ['private_provider', 'Школа робототехники «Робикс»', 'Робикс', 'Robix Robotics School'],
];
const PRIVATE_HEADS = 'ООО';

/** A valid ИНН of a legal entity of the region (tax office 4345) and its ОГРН, from a serial. */
function taxIds(serial: number) {
  const innBody = `4345${String(serial).padStart(5, '0')}`;
  const ogrnBody = `10243${String(serial).padStart(7, '0')}`;
  return {
    inn: innBody + innCheckDigits(innBody),
    kpp: '434501001',
    ogrn: ogrnBody + ogrnCheckDigit(ogrnBody),
  };
}

export function generateOrganisations(catalog: CatalogModel): PlatformDemoRows {
  const rng = Rng.derive(catalog.seed, 'organisations');
  const size = SIZES[catalog.scale.name];
  const rows: PlatformDemoRows = {
    news: newsOf(catalog.reference),
    organisations: [],
    vkCommunities: [],
    pupils: [],
    staff: [],
  };
  let nextId = Math.max(0, ...catalog.rows.kindergartens.map((k) => k.id)) + 1;
  const municipalities = catalog.rows.municipalities;
  const weights = catalog.municipalities.map((m) => m.targetApplications);
  const schoolsOf = apportionCounts(size.schools, weights);
  const providersOf = apportionCounts(size.providers, weights);

  const add = (row: Omit<OrganisationRow, 'id' | 'inn' | 'kpp' | 'ogrn'>): OrganisationRow => {
    const id = nextId++;
    const o = { id, ...taxIds(id), ...row };
    rows.organisations.push(o);
    return o;
  };
  const person = () => fullNameText(drawAdultName(rng, rng.chance(0.8) ? 'f' : 'm'));
  const phone = () =>
    `+7 8332 ${rng.int(20, 79)}-${String(rng.int(0, 99)).padStart(2, '0')}-${String(rng.int(0, 99)).padStart(2, '0')}`;

  add({
    kind: 'regional_ministry',
    full_name: 'Министерство образования Демо-области',
    short_name: 'Минобразования Демо-области',
    name_en: 'Ministry of Education of the Demo Region',
    municipality_id: null,
    address: `${catalog.municipalities[0]!.definition.town}, ул. Карла Либкнехта, 69`,
    ...centre(catalog, 0, rng),
    phone: phone(),
    email: 'minobr@demo-region.example.ru',
    website: 'https://minobr.demo-region.example.ru',
    head_name: person(),
  });
  add({
    kind: 'control_centre',
    full_name: 'Центр управления регионом Демо-области',
    short_name: 'ЦУР Демо-области',
    name_en: 'Regional Control Centre of the Demo Region',
    municipality_id: null,
    address: `${catalog.municipalities[0]!.definition.town}, ул. Карла Маркса, 39`,
    ...centre(catalog, 0, rng),
    phone: '122',
    email: 'cur@demo-region.example.ru',
    website: null,
    head_name: person(),
  });

  const schools: OrganisationRow[][] = [];
  catalog.municipalities.forEach((m, i) => {
    const mid = municipalities[i]!.id;
    const town = m.definition.town;
    add({
      kind: 'municipal_education_body',
      full_name: `Управление образования администрации ${m.definition.nameRu}`,
      short_name: `Управление образования: ${m.definition.nameRu}`,
      name_en: `Education Department: ${m.definition.nameEn}`,
      municipality_id: mid,
      address: `${town}, ${rng.pick(STREETS)}, ${houseNumber(rng)}`,
      ...centre(catalog, i, rng),
      phone: phone(),
      email: `edu-${m.definition.code}@demo-region.example.ru`,
      website: null,
      head_name: person(),
    });
    const here: OrganisationRow[] = [];
    for (let n = 1; n <= schoolsOf[i]!; n++) {
      const village = n > 1 && m.places.length > 1 && rng.chance(i === 0 ? 0.05 : 0.45);
      const place = village ? rng.pick(m.places.slice(1)).name : town;
      here.push(
        add({
          kind: 'school',
          full_name: `Муниципальное общеобразовательное учреждение «Средняя общеобразовательная школа № ${n}» ${place}`,
          short_name: `Школа № ${n}, ${place}`,
          name_en: `School No. ${n}, ${m.definition.nameEn}`,
          municipality_id: mid,
          address: `${place}, ${rng.pick(STREETS)}, ${houseNumber(rng)}`,
          ...scatter(rng, centre(catalog, i, rng), village ? 15 : 3),
          phone: phone(),
          email: `school${n}-${m.definition.code}@edu.example.ru`,
          website: rng.chance(0.85) ? `https://school${n}-${m.definition.code}.edu.example.ru` : null,
          head_name: person(),
        }),
      );
    }
    schools.push(here);
    for (let n = 0; n < providersOf[i]!; n++) {
      const [kind, name, short, en] = PROVIDERS[(n + i) % PROVIDERS.length]!;
      const privately = kind === 'private_provider';
      add({
        kind,
        full_name: privately
          ? `${PRIVATE_HEADS} «${short}» (${name})`
          : `Муниципальное учреждение дополнительного образования «${name}» ${town}`,
        short_name: `${short}, ${town}`,
        name_en: `${en}, ${m.definition.nameEn}`,
        municipality_id: mid,
        address: `${town}, ${rng.pick(STREETS)}, ${houseNumber(rng)}`,
        ...scatter(rng, centre(catalog, i, rng), 3),
        phone: phone(),
        email: `${kind.replace('_', '-')}${n + 1}-${m.definition.code}@edu.example.ru`,
        website: `https://${kind.replace('_', '-')}${n + 1}-${m.definition.code}.example.ru`,
        head_name: person(),
      });
    }
  });

  // Official VK communities: nine in ten schools and kindergartens, 77 % of those with the clubs app.
  const communityOf = (id: number, screen: string) => {
    if (!rng.chance(0.9)) return;
    rows.vkCommunities.push({
      group_id: 200_000_000 + id,
      organisation_id: id,
      screen_name: screen,
      clubs_app_installed: rng.chance(0.77),
    });
  };
  for (const k of catalog.rows.kindergartens)
    if (k.status === 'operating') communityOf(k.id, `ds_${k.code.toLowerCase().replace(/-/g, '_')}`);
  for (const o of rows.organisations.filter((o) => o.kind === 'school')) communityOf(o.id, `school_${o.id}`);

  staffFor(rows, rng, schools, catalog);
  pupilsFor(rows, rng, schools, catalog, size.pupils);
  return rows;
}

function centre(catalog: CatalogModel, i: number, rng: Rng) {
  const m = catalog.rows.municipalities[i]!;
  return scatter(rng, { lat: m.center_lat, lon: m.center_lon }, 1);
}

/** Integer counts in proportion to the weights, each at least one, summing to `total`. */
function apportionCounts(total: number, weights: number[]): number[] {
  const sum = weights.reduce((s, w) => s + w, 0) || 1;
  const raw = weights.map((w) => Math.max(1, Math.floor((total * w) / sum)));
  let left = total - raw.reduce((s, c) => s + c, 0);
  for (let i = 0; left > 0; i = (i + 1) % raw.length, left--) raw[i]!++;
  return raw;
}

function staffFor(rows: PlatformDemoRows, rng: Rng, schools: OrganisationRow[][], catalog: CatalogModel) {
  const name = () => fullNameText(drawAdultName(rng, rng.chance(0.8) ? 'f' : 'm'));
  const grant = (g: Omit<StaffGrantRow, 'fullName' | 'userId'>) =>
    rows.staff.push({ ...g, userId: rng.uuid(), fullName: name() });
  const first = schools[0]!;
  first.forEach((school, n) => {
    const listed = n === 0;
    const at = `: ${school.short_name}`;
    grant({
      login: `school-head-${school.id}`,
      role: 'organisation_head',
      municipalityId: null,
      organisationId: school.id,
      listed,
      description: `Директор школы${at}`,
    });
    if (n < 3) {
      grant({
        login: `school-staff-${school.id}`,
        role: 'organisation_staff',
        municipalityId: null,
        organisationId: school.id,
        listed,
        description: `Сотрудник школы${at}`,
      });
      grant({
        login: `meals-${school.id}`,
        role: 'meals_officer',
        municipalityId: null,
        organisationId: school.id,
        listed,
        description: `Ответственный за питание${at}`,
      });
      grant({
        login: `cook-${school.id}`,
        role: 'cook',
        municipalityId: null,
        organisationId: school.id,
        listed,
        description: `Повар${at}`,
      });
      grant({
        login: `teacher-${school.id}`,
        role: 'club_teacher',
        municipalityId: null,
        organisationId: school.id,
        listed,
        description: `Педагог кружка${at}`,
      });
    }
  });
  for (const o of rows.organisations.filter((o) =>
    ['extra_education', 'sports_school', 'private_provider'].includes(o.kind),
  )) {
    const listed = o === rows.organisations.find((x) => x.kind === 'extra_education');
    grant({
      login: `provider-head-${o.id}`,
      role: 'organisation_head',
      municipalityId: null,
      organisationId: o.id,
      listed,
      description: `Руководитель: ${o.short_name}`,
    });
    grant({
      login: `provider-teacher-${o.id}`,
      role: 'club_teacher',
      municipalityId: null,
      organisationId: o.id,
      listed: false,
      description: `Педагог: ${o.short_name}`,
    });
  }
  catalog.rows.municipalities.forEach((m, i) =>
    grant({
      login: `clubs-${m.code}`,
      role: 'club_coordinator',
      municipalityId: m.id,
      organisationId: null,
      listed: i === 0,
      description: `Координатор кружков: ${m.name_ru}`,
    }),
  );
  grant({
    login: 'cur-operator',
    role: 'cur_operator',
    municipalityId: null,
    organisationId: null,
    listed: true,
    description: 'Оператор ЦУР',
  });
  grant({
    login: 'contest-organiser',
    role: 'contest_organiser',
    municipalityId: null,
    organisationId: null,
    listed: true,
    description: 'Организатор конкурсов практик',
  });
  grant({
    login: 'contest-expert',
    role: 'contest_expert',
    municipalityId: null,
    organisationId: null,
    listed: true,
    description: 'Эксперт конкурса',
  });
}

/** A sample of each school's pupils, 6.5–18 years old on 1 September, in grades and letters. */
function pupilsFor(
  rows: PlatformDemoRows,
  rng: Rng,
  schools: OrganisationRow[][],
  catalog: CatalogModel,
  total: number,
) {
  const reference = catalog.reference;
  const septemberFirst = schoolYearStart(reference);
  const year = yearOf(septemberFirst);
  const all = schools.flat();
  let serial = 700_000;
  const pupil = (
    school: OrganisationRow,
    m: number,
    grade: number,
    parent: string | null,
    surname?: ReturnType<typeof drawFamily>,
  ) => {
    const sex: Sex = rng.chance(0.5) ? 'm' : 'f';
    const family = surname ?? drawFamily(rng, 'russian');
    const n = drawChildName(rng, family, sex);
    // Grade g on 1 September: 6.5–7.5 years old in the first grade, a year more for each grade after.
    const birth: Day = addYears(septemberFirst, -(grade + 6)) - rng.int(0, 364) + 182;
    serial += rng.int(1, 3);
    const id = rng.uuid();
    rows.pupils.push({
      child: {
        id,
        last_name: n.lastName,
        first_name: n.firstName,
        patronymic: n.patronymic,
        birth_date: formatDay(birth),
        sex,
        birth_certificate: `${['I', 'II', 'III', 'IV'][grade % 4]}-${certificateLetters(m)} № ${String(serial).padStart(6, '0')}`,
        source: 'seed',
      },
      enrolment: {
        child_id: id,
        organisation_id: school.id,
        academic_year: year,
        grade,
        letter: rng.pick(LETTERS.slice(0, grade < 5 ? 3 : 2)),
        enrolled_on: formatDay(addYears(septemberFirst, -(grade - 1))),
      },
      representativeUserId: parent,
    });
  };
  // The demo citizens' older children go to the first school of the regional centre, with the
  // family's surname and the father's name in their patronymic (as their kindergarten siblings).
  const families: [string, string, number][] = [
    ['esia-1000001', 'Михаил', 2],
    ['esia-1000003', 'Андрей', 4],
    ['esia-1000003', 'Андрей', 8],
    ['esia-1000004', 'Артём', 1],
  ];
  for (const [sub, fatherName, grade] of families) {
    const userId = catalog.citizenUserIds.get(sub);
    const account = DEMO_ESIA_ACCOUNTS.find((a) => a.sub === sub);
    if (!userId || !account || !schools[0]?.[0]) continue;
    const male = account.middleName.endsWith('ич');
    const surname = male ? account.lastName : account.lastName.replace(/а$/, '');
    const father = { lastName: surname, firstName: fatherName, patronymic: '' };
    pupil(schools[0][0], 0, grade, userId, { pool: 'russian', surname, father, mother: father });
  }
  for (let k = rows.pupils.length; k < total; k++) {
    const s = all[k % all.length]!;
    const m = catalog.rows.municipalities.findIndex((x) => x.id === s.municipality_id);
    pupil(s, m, 1 + (Math.floor(k / all.length) % 11), null);
  }
}

/** The portal's news, dated a few days before the reference day. */
function newsOf(reference: Day): NewsRow[] {
  const day = (back: number) => formatDay(reference - back);
  return [
    {
      published_on: day(2),
      module: 'kindergarten',
      title_ru: 'Открыты данные о свободных местах в детских садах',
      title_en: 'Free places in kindergartens are open data now',
      body_ru:
        'Свободные места по группам обновляются каждый день и доступны в открытых данных: CSV и JSON со словарём.',
      body_en:
        'Free places by group are updated daily and published as open data: CSV and JSON with a dictionary.',
      link: '/kindergartens',
    },
    {
      published_on: day(9),
      module: 'kindergarten',
      title_ru: 'Как считается место в очереди',
      title_en: 'How a place in the queue is counted',
      body_ru:
        'На странице заявления видно, кто впереди и почему: льготы, дата постановки на учёт и выбранные сады.',
      body_en:
        'The application page shows who is ahead and why: benefits, the registration date and the chosen kindergartens.',
      link: '/queue',
    },
    {
      published_on: day(16),
      module: null,
      title_ru: 'Школы и центры дополнительного образования — в одном реестре',
      title_en: 'Schools and centres of extra education in one registry',
      body_ru:
        'Карточки школ, центров и их сообществ ВКонтакте ведут сами организации; скоро — запись в кружки.',
      body_en: 'Schools and centres keep their own cards and VK communities; enrolment in clubs comes next.',
      link: null,
    },
  ];
}
