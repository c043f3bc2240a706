import type {
  ApplicationStatus,
  BenefitClass,
  BenefitStatus,
  Orientation,
  StayMode,
} from '../modules/kindergarten/tables.js';
import { DEMO_ESIA_ACCOUNTS, type DemoEsiaAccount } from '../platform/auth/demo-esia-accounts.js';
import {
  addMonths,
  addYears,
  dayOf,
  formatDay,
  formatMoment,
  fullYears,
  localMoment,
  MINUTES_PER_DAY,
  schoolYearStart,
  weekday,
  yearOf,
  type Day,
  type Minute,
} from './calendar.js';
import { birthWindow, drawDesiredDate, registrationDelayDays, TAKE_UP } from './demography.js';
import type { CatalogModel, GroupModel, KindergartenModel, MunicipalityModel } from './generate-catalog.js';
import { houseNumber, STREETS } from './geography.js';
import { Rng, WeightedTable } from './random.js';
import {
  drawChildName,
  drawFamily,
  emailFor,
  fullNameText,
  mobilePhone,
  patronymicFrom,
  type Family,
  type FullName,
  type NamePool,
  type Sex,
} from './russian-names.js';
import type {
  ApplicationRow,
  BenefitRow,
  ChildRow,
  ChoiceRow,
  EnrollmentRow,
  EventRow,
  PeopleRows,
} from './rows.js';

/**
 * The children of one municipality, their applications and what happened to them: registration,
 * benefits and their verification, the yearly placement waves (комплектование: the main wave for
 * 1 September, then monthly additional waves), enrollment, moving up a group each September,
 * graduation to school, and the side exits. The placement is simulated year by year from the oldest
 * cohort's first school year, so at every date no group holds more children than its capacity and
 * every child attends a group of its age (on 1 September of the school year).
 */

type Tier = 0 | 1 | 2 | 3;
const TIER_OF: Record<BenefitClass, Tier> = { extraordinary: 0, first: 1, sibling: 2 };

interface BenefitSim {
  kind: string;
  cls: BenefitClass;
  claimedAt: Minute;
  decidedAt: Minute | null;
  rejected: boolean;
  validUntil: Day | null;
  siblingKindergartenId: number | null;
  /** Claimed after registration: its claim is written when the simulation reaches that day. */
  pending: boolean;
}

interface Enrollment {
  group: GroupModel;
  row: EnrollmentRow;
}

interface Household {
  family: Family;
  applicant: FullName;
  applicantUserId: string | null;
  email: string;
  phone: string;
  address: string;
  anchor: KindergartenModel;
  source: ApplicationRow['source'];
}

type State = 'waiting' | 'enrolled' | 'directed' | 'done';

interface Kid {
  index: number;
  childId: string;
  applicationId: string;
  name: FullName;
  sex: Sex;
  birth: Day;
  certificate: string;
  household: Household;
  registeredAt: Minute;
  registeredDay: Day;
  desired: Day;
  orientation: Orientation;
  stayMode: StayMode;
  language: string;
  consent: boolean;
  choices: number[];
  benefits: BenefitSim[];
  removal: { day: Day; reason: string; actor: 'officer' | 'applicant' } | null;
  /** Until this moment a benefit check is open: the child takes no part in a placement wave. */
  checkUntil: Minute;
  older: Kid | null;
  hasYounger: boolean;
  siblingClaim: 'none' | 'declined' | 'done';
  /** Demo citizens: kept in the queue (not placed) or placed first. */
  pinned: boolean;
  first: boolean;
  state: State;
  status: ApplicationStatus;
  enrollment: Enrollment | null;
  /** The kindergarten attended and since when (for a younger sibling's benefit). */
  attendingSince: Day | null;
  events: EventRow[];
}

const FLEXIBLE_STAY: ReadonlySet<StayMode> = new Set(['full', 'extended', 'reduced']);
const ORIENTATIONS: readonly Orientation[] = ['general', 'compensating', 'health', 'combined'];
const STAY_MODES: readonly StayMode[] = ['full', 'reduced', 'extended', 'short', 'round_the_clock'];
const SOURCES: readonly ApplicationRow['source'][] = ['epgu', 'portal', 'paper'];
const CHOICE_COUNTS = WeightedTable.of([
  [1, 0.18],
  [2, 0.22],
  [3, 0.3],
  [4, 0.15],
  [5, 0.15],
] as const);
const FIRST_KINDS = WeightedTable.of([
  ['military', 0.35],
  ['large_family', 0.3],
  ['police', 0.2],
  ['disabled_child', 0.08],
  ['disabled_parent', 0.07],
] as const);
const EXTRAORDINARY_KINDS = ['prosecutor', 'judge', 'investigative_committee'] as const;
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X'];
const CYRILLIC = 'АБВГДЕЖИКЛМНОПРСТУФХЦЧШЭЮЯ';

const BENEFIT_NAMES: Record<string, string> = {
  prosecutor: 'ребёнок прокурора',
  judge: 'ребёнок судьи',
  investigative_committee: 'ребёнок сотрудника Следственного комитета',
  military: 'ребёнок военнослужащего',
  police: 'ребёнок сотрудника полиции',
  disabled_child: 'ребёнок-инвалид',
  disabled_parent: 'один из родителей — инвалид',
  large_family: 'многодетная семья',
  sibling: 'в детский сад ходит брат или сестра',
};

const REASONS = {
  registered: 'Заявление зарегистрировано, ребёнок поставлен на учёт',
  registeredWithBenefit: 'Заявление зарегистрировано; заявлена льгота, документы на проверке',
  benefitClaimed: 'Заявлена льгота, документы на проверке',
  benefitVerified: 'Льгота подтверждена документами',
  benefitRejected: 'В льготе отказано: документы не подтверждают право на льготу',
  benefitExpired: 'Срок действия льготы истёк',
  directedMain: 'Выдано направление в детский сад по итогам основного комплектования',
  directedExtra: 'Выдано направление в детский сад на освободившееся место (доукомплектование)',
  enrolled: 'Ребёнок зачислен в детский сад, договор заключён',
  offerRefused: 'Родитель отказался от предложенного места; ребёнок остаётся в очереди',
  desiredMoved: 'После отказа от места желаемая дата перенесена на 1 сентября следующего года',
  noShow: 'Не явился в детский сад в течение срока действия направления',
  graduated: 'Выпуск из детского сада в связи с поступлением в школу',
  leftMoved: 'Отчислен из детского сада по заявлению родителей в связи с переездом',
  schoolAge: 'Снят с учёта в связи с поступлением ребёнка в школу',
  siblingChoice: 'Добавлен детский сад, который посещает брат или сестра',
  consentChoice: 'Родитель согласился на место в детском саду, предложенном вместо выбранных',
  transfer: 'Заявление о переводе в другой детский сад зарегистрировано',
} as const;

const REMOVAL_MOVED = 'Снят с учёта по заявлению родителя в связи с переездом в другой муниципалитет';
const REMOVAL_REQUEST = 'Снят с учёта по заявлению родителя: место в детском саду больше не нужно';
const REFUSALS = [
  'Отказано: ребёнок не проживает на территории муниципалитета',
  'Отказано: не представлены документы, подтверждающие сведения заявления',
  'Отказано: заявление на этого ребёнка уже зарегистрировано',
];

/** The certificate series letters of a municipality, unique per municipality. */
export function certificateLetters(index: number): string {
  return `${CYRILLIC[index % 26]}${CYRILLIC[10 + Math.floor(index / 26)]}`;
}

export function generatePeople(catalog: CatalogModel, municipalityIndex: number): PeopleRows {
  const m = catalog.municipalities[municipalityIndex];
  if (!m) throw new Error(`No municipality ${municipalityIndex}`);
  return new PeopleSimulation(catalog, m).run();
}

class PeopleSimulation {
  private readonly rng: Rng;
  private readonly ids: Rng;
  private readonly reference: Day;
  private readonly now: Minute;
  private readonly kids: Kid[] = [];
  private readonly occupancy = new Map<number, number>();
  private readonly anchors: WeightedTable<KindergartenModel>[] = [];
  private readonly enrollments: EnrollmentRow[] = [];
  private readonly transfers: {
    kid: Kid;
    applicationId: string;
    registeredAt: Minute;
    desired: Day;
    choices: number[];
  }[] = [];
  private certificateSerial: number;

  constructor(
    private readonly catalog: CatalogModel,
    private readonly m: MunicipalityModel,
  ) {
    this.rng = Rng.derive(catalog.seed, 'people', m.definition.code);
    this.ids = Rng.derive(catalog.seed, 'people-ids', m.definition.code);
    this.reference = catalog.reference;
    // Everything in the data happened before the reference day began.
    this.now = localMoment(catalog.reference, 0, 0);
    this.certificateSerial = this.rng.int(100_000, 300_000);
    for (const kg of m.kindergartens) for (const g of kg.groups) this.occupancy.set(g.id, 0);
    // Homes cluster around kindergartens: a home's "anchor" is its nearby kindergarten, by size and popularity.
    for (const place of m.places) {
      const local = m.kindergartens.filter((k) => k.place === place.name);
      const pool = local.length > 0 ? local : m.kindergartens;
      this.anchors.push(
        new WeightedTable(
          pool,
          pool.map((k) => k.groups.reduce((s, g) => s + g.capacity, 0) * k.popularity),
        ),
      );
    }
  }

  run(): PeopleRows {
    if (this.m.kindergartens.length === 0)
      throw new Error(`Municipality ${this.m.definition.code} has no kindergartens`);
    this.generateChildren();
    if (this.m.index === 0) this.addDemoCitizens();
    this.kids.sort((a, b) => a.birth - b.birth || a.index - b.index);
    const s0 = schoolYearStart(this.reference);
    for (let year = this.catalog.firstSchoolYear; year <= s0; year = addYears(year, 1)) this.schoolYear(year);
    this.finish();
    this.addTransfers();
    return this.rows();
  }

  // ——— children and their applications ———

  private generateChildren(): void {
    const { rng, m } = this;
    const window = birthWindow(this.reference);
    for (let day = window.from; day < this.reference; day++) {
      const lambda = ((m.births.get(yearOf(day)) ?? 0) / 365.25) * TAKE_UP;
      const count = Math.floor(lambda) + (rng.next() < lambda - Math.floor(lambda) ? 1 : 0);
      for (let c = 0; c < count; c++) {
        const registeredDay = day + registrationDelayDays(rng);
        if (registeredDay >= this.reference) continue; // not registered yet
        this.kids.push(this.newKid(day, registeredDay, null));
      }
    }
  }

  private household(pool: NamePool): Household {
    const { rng, m } = this;
    const family = drawFamily(rng, pool);
    const applicant = rng.chance(0.82) ? family.mother : family.father;
    const placeIndex = rng.weighted(
      m.places.map((_, i) => i),
      m.places.map((p) => p.weight),
    );
    const place = m.places[placeIndex]!;
    const flat = !place.village && (m.index === 0 || rng.chance(0.7)) ? `, кв. ${rng.int(1, 180)}` : '';
    return {
      family,
      applicant,
      applicantUserId: null,
      email: emailFor(rng, applicant),
      phone: mobilePhone(rng),
      address: `${place.name}, ${rng.pick(STREETS)}, ${houseNumber(rng)}${flat}`,
      anchor: this.anchors[placeIndex]!.draw(rng),
      source: rng.weighted(SOURCES, [0.6, 0.25, 0.15]),
    };
  }

  private namePool(): NamePool {
    const language = this.m.definition.nationalLanguage;
    const r = this.rng.next();
    if (language === 'tt' && r < 0.18) return 'tatar';
    if (language === 'udm' && r < 0.22) return 'udmurt';
    return r < 0.02 ? 'tatar' : 'russian';
  }

  private newKid(birth: Day, registeredDay: Day, household: Household | null): Kid {
    const { rng, m } = this;
    let older: Kid | null = null;
    if (!household && rng.chance(0.24)) older = this.findOlderSibling(birth);
    const home = household ?? older?.household ?? this.household(this.namePool());
    const sex: Sex = rng.chance(0.513) ? 'm' : 'f';
    const registeredAt =
      home.source === 'paper' ? officeMoment(rng, registeredDay) : onlineMoment(rng, registeredDay);
    const kid: Kid = {
      index: this.kids.length,
      childId: this.ids.uuid(),
      applicationId: this.ids.uuid(),
      name: drawChildName(rng, home.family, sex),
      sex,
      birth,
      certificate: this.certificate(birth),
      household: home,
      registeredAt,
      registeredDay: localDayOf(registeredAt),
      desired: drawDesiredDate(rng, birth, registeredDay),
      orientation: rng.weighted(ORIENTATIONS, [0.93, 0.035, 0.02, 0.015]),
      stayMode: rng.weighted(STAY_MODES, [0.92, 0.02, 0.03, 0.025, 0.005]),
      language:
        m.definition.nationalLanguage && home.family.pool !== 'russian' && rng.chance(0.3)
          ? m.definition.nationalLanguage
          : 'ru',
      consent: rng.chance(0.6),
      choices: older ? [...older.choices] : this.drawChoices(home.anchor),
      benefits: [],
      removal: null,
      checkUntil: 0,
      older,
      hasYounger: false,
      siblingClaim: 'none',
      pinned: false,
      first: false,
      state: 'waiting',
      status: 'registered',
      enrollment: null,
      attendingSince: null,
      events: [],
    };
    if (older) older.hasYounger = true;
    this.drawBenefit(kid);
    this.drawRemoval(kid);
    this.register(kid);
    return kid;
  }

  /** An older child of the municipality born 1½–5 years earlier without a younger sibling yet. */
  private findOlderSibling(birth: Day): Kid | null {
    const from = lowerBound(this.kids, addYears(birth, -5));
    const to = lowerBound(this.kids, birth - 548);
    if (to <= from) return null;
    for (let tries = 0; tries < 3; tries++) {
      const candidate = this.kids[this.rng.int(from, to - 1)]!;
      if (!candidate.hasYounger && !candidate.pinned && candidate.removal === null) return candidate;
    }
    return null;
  }

  private certificate(birth: Day): string {
    this.certificateSerial += this.rng.int(1, 4);
    const series = `${ROMAN[(yearOf(birth) + this.m.index) % ROMAN.length]}-${certificateLetters(this.m.index)}`;
    return `${series} № ${String(this.certificateSerial).padStart(6, '0')}`;
  }

  /** 1–5 kindergartens (up to the municipality's maximum) near home, popular ones more often. */
  private drawChoices(anchor: KindergartenModel): number[] {
    const { rng, m } = this;
    const n = Math.min(CHOICE_COUNTS.draw(rng), m.maxPreferences);
    const nearby = [anchor.id, ...anchor.neighbors];
    const weight = (id: number, position: number) =>
      this.catalog.kindergartens.get(id)!.popularity / (1 + 0.45 * position);
    const chosen: number[] = [];
    if (rng.chance(0.55)) chosen.push(anchor.id);
    while (chosen.length < Math.min(n, nearby.length)) {
      const open = nearby.map((id, pos) => ({ id, pos })).filter((c) => !chosen.includes(c.id));
      chosen.push(
        rng.weighted(
          open.map((c) => c.id),
          open.map((c) => weight(c.id, c.pos)),
        ),
      );
    }
    return chosen;
  }

  private drawBenefit(kid: Kid): void {
    const { rng } = this;
    const r = rng.next();
    if (r >= 0.135) return;
    const extraordinary = r < 0.015;
    const kind = extraordinary ? rng.pick(EXTRAORDINARY_KINDS) : FIRST_KINDS.draw(rng);
    const atRegistration = rng.chance(0.85);
    const claimDay = atRegistration ? kid.registeredDay : kid.registeredDay + rng.int(30, 700);
    if (claimDay >= this.reference) return;
    const claimedAt = atRegistration ? kid.registeredAt : officeMoment(rng, claimDay);
    const decidedAt = officeMoment(rng, localDayOf(claimedAt) + rng.int(1, 20));
    const validUntil =
      kind === 'military'
        ? claimDay + rng.int(365, 1460)
        : kind === 'disabled_child' || kind === 'disabled_parent'
          ? claimDay + rng.int(365, 1100)
          : null;
    kid.benefits.push({
      kind,
      cls: extraordinary ? 'extraordinary' : 'first',
      claimedAt,
      decidedAt,
      rejected: rng.chance(0.06),
      validUntil,
      siblingKindergartenId: null,
      pending: !atRegistration,
    });
  }

  private drawRemoval(kid: Kid): void {
    const r = this.rng.next();
    if (r < 0.03)
      kid.removal = {
        day: kid.registeredDay + this.rng.int(30, 1600),
        reason: REMOVAL_MOVED,
        actor: 'officer',
      };
    else if (r < 0.045)
      kid.removal = {
        day: kid.registeredDay + this.rng.int(30, 1200),
        reason: REMOVAL_REQUEST,
        actor: 'applicant',
      };
  }

  /** The registration events; a refused application ends here. */
  private register(kid: Kid): void {
    const officer = kid.household.source === 'paper' ? this.m.officerUserId : null;
    if (!kid.pinned && this.rng.chance(0.01)) {
      const refusedAt = officeMoment(this.rng, kid.registeredDay + this.rng.int(1, 8));
      if (refusedAt < this.now) {
        kid.benefits = [];
        kid.removal = null;
        this.event(kid, kid.registeredAt, 'status', null, 'new', 'Заявление подано', {}, officer);
        this.event(
          kid,
          refusedAt,
          'status',
          'new',
          'refused',
          this.rng.pick(REFUSALS),
          {},
          this.m.officerUserId,
        );
        kid.state = 'done';
        kid.status = 'refused';
        return;
      }
    }
    const claim = kid.benefits.find((b) => !b.pending);
    if (claim) {
      this.event(
        kid,
        kid.registeredAt,
        'status',
        null,
        'benefit_check',
        REASONS.registeredWithBenefit,
        benefitData(claim),
        officer,
      );
      this.decide(kid, claim);
    } else {
      this.event(kid, kid.registeredAt, 'status', null, 'registered', REASONS.registered, {}, officer);
    }
  }

  /** The decision on a claimed benefit (if made before the reference day): back to the queue. */
  private decide(kid: Kid, claim: BenefitSim): void {
    // Office hours move a claim made on a weekend to Monday: a decision never precedes its claim.
    if (claim.decidedAt !== null && claim.decidedAt <= claim.claimedAt + 1)
      claim.decidedAt = claim.claimedAt + 60;
    kid.checkUntil = Math.max(kid.checkUntil, claim.decidedAt ?? Number.POSITIVE_INFINITY);
    if (claim.decidedAt === null || claim.decidedAt >= this.now) {
      kid.status = 'benefit_check';
      return;
    }
    const reason = claim.rejected ? REASONS.benefitRejected : REASONS.benefitVerified;
    this.event(
      kid,
      claim.decidedAt,
      'status',
      'benefit_check',
      'registered',
      reason,
      benefitData(claim),
      this.m.officerUserId,
    );
    kid.status = 'registered';
    if (!claim.rejected && claim.validUntil !== null && claim.validUntil < this.reference) {
      this.event(
        kid,
        localMoment(claim.validUntil, 0, 5),
        'benefit',
        null,
        null,
        REASONS.benefitExpired,
        benefitData(claim),
        null,
      );
    }
  }

  // ——— the demo citizens of the sign-in page ———

  private addDemoCitizens(): void {
    const { rng, reference } = this;
    const account = (sub: string) => DEMO_ESIA_ACCOUNTS.find((a) => a.sub === sub)!;
    const s0 = schoolYearStart(reference);

    // esia-1000001: a two-year-old in the queue.
    const anna = this.citizenHousehold(account('esia-1000001'), 'Михаил');
    const annaKid = this.demoKid(anna, reference - 365 * 2 - rng.int(60, 150), 40);
    annaKid.desired =
      dayOf(yearOf(annaKid.birth) + 3, 9, 1) > reference
        ? dayOf(yearOf(annaKid.birth) + 3, 9, 1)
        : addYears(s0, 1);
    annaKid.pinned = true;

    // esia-1000002: a toddler whose father claimed a first-priority benefit a few days ago.
    const dmitry = this.citizenHousehold(account('esia-1000002'), 'Дмитрий');
    const dmitryKid = this.demoKid(dmitry, reference - 540 - rng.int(0, 60), 0, reference - 5);
    dmitryKid.pinned = true;
    dmitryKid.benefits = [
      {
        kind: 'military',
        cls: 'first',
        claimedAt: dmitryKid.registeredAt,
        decidedAt: null,
        rejected: false,
        validUntil: reference + 900,
        siblingKindergartenId: null,
        pending: false,
      },
    ];
    dmitryKid.events = [];
    this.register(dmitryKid);

    // esia-1000003: a child who already attends (placed first) and a younger one with the sibling right.
    const ekaterina = this.citizenHousehold(account('esia-1000003'), 'Андрей');
    const olderKid = this.demoKid(ekaterina, addYears(s0, -4) - rng.int(40, 250), 30);
    olderKid.first = true;
    olderKid.consent = true;
    olderKid.desired = dayOf(yearOf(olderKid.birth) + 2, 9, 1);
    const youngerKid = this.demoKid(ekaterina, reference - 420 - rng.int(0, 60), 35);
    youngerKid.pinned = true;
    youngerKid.older = olderKid;
    olderKid.hasYounger = true;
    youngerKid.desired = addYears(s0, 1);
  }

  private citizenHousehold(account: DemoEsiaAccount, fatherName: string): Household {
    const { rng, m } = this;
    const male = account.middleName.endsWith('ич');
    const surname = male ? account.lastName : account.lastName.replace(/а$/, '');
    const self: FullName = {
      lastName: account.lastName,
      firstName: account.firstName,
      patronymic: account.middleName,
    };
    const father: FullName = male
      ? self
      : { lastName: surname, firstName: fatherName, patronymic: patronymicFrom('Сергей', 'm') };
    const family: Family = { pool: 'russian', surname, father, mother: self };
    const anchor = this.anchors[0]!.draw(rng);
    return {
      family,
      applicant: self,
      applicantUserId: this.catalog.citizenUserIds.get(account.sub)!,
      email: account.email,
      phone: account.phone,
      address: `${m.places[0]!.name}, ${rng.pick(STREETS)}, ${houseNumber(rng)}, кв. ${rng.int(1, 180)}`,
      anchor,
      source: 'portal',
    };
  }

  private demoKid(home: Household, birth: Day, delay: number, registeredDay?: Day): Kid {
    const kid = this.newKid(birth, registeredDay ?? birth + delay, home);
    kid.pinned = true; // set before anything random touches it below
    kid.benefits = [];
    kid.removal = null;
    kid.events = [];
    kid.state = 'waiting';
    kid.status = 'registered';
    kid.checkUntil = 0;
    kid.orientation = 'general';
    kid.stayMode = 'full';
    kid.language = 'ru';
    kid.pinned = false;
    this.event(kid, kid.registeredAt, 'status', null, 'registered', REASONS.registered, {}, null);
    this.kids.push(kid);
    return kid;
  }

  // ——— the placement simulation ———

  private schoolYear(start: Day): void {
    this.mainWave(start);
    for (let month = 1; month <= 11; month++) {
      const wave = addMonths(start, month);
      if (wave - 12 >= this.reference) break;
      this.departures(wave);
      this.placementWave(start, wave, false);
    }
  }

  private mainWave(start: Day): void {
    const { rng } = this;
    // Graduates leave in summer; the others move up to a group of their new age in the same kindergarten.
    const movers: Kid[] = [];
    for (const kid of this.kids) {
      if (kid.state !== 'enrolled' || !kid.enrollment) continue;
      const age = fullYears(kid.birth, start);
      const { group } = kid.enrollment;
      if (age >= 7) {
        const leftOn = Math.max(start - rng.int(1, 95), dayFromString(kid.enrollment.row.enrolled_on) + 1);
        this.leave(kid, leftOn, REASONS.graduated, 'Выпуск в школу');
      } else if (age < group.ageFrom || age >= group.ageTo) {
        this.occupancy.set(group.id, this.occupancy.get(group.id)! - 1);
        movers.push(kid);
      }
    }
    movers.sort((a, b) => a.birth - b.birth || a.index - b.index);
    for (const kid of movers) {
      const current = kid.enrollment!;
      const age = fullYears(kid.birth, start);
      const kg = this.catalog.kindergartens.get(current.group.kindergartenId)!;
      const same = this.freeGroup(kg, age, kid, start, true) ?? this.freeGroup(kg, age, null, start, true);
      if (same) {
        this.moveGroup(kid, same, start, 'Перевод в группу следующего возраста');
        continue;
      }
      const other = kid.choices
        .filter((id) => id !== kg.id)
        .map((id) => this.freeGroup(this.catalog.kindergartens.get(id)!, age, null, start, true))
        .find((g) => g !== null);
      if (other) {
        this.moveGroup(
          kid,
          other,
          start,
          'Перевод в другой детский сад: в прежнем нет места в группе нужного возраста',
        );
        continue;
      }
      this.occupancy.set(current.group.id, this.occupancy.get(current.group.id)! + 1);
      this.leave(kid, start - 1, REASONS.leftMoved, 'Отчислен по заявлению родителей (переезд)');
    }
    this.placementWave(start, start, true);
  }

  /** Children who leave during the year (families move away); their places go to the queue. */
  private departures(wave: Day): void {
    for (const kid of this.kids) {
      if (kid.state !== 'enrolled' || !kid.enrollment || kid.first) continue;
      if (!this.rng.chance(0.0025)) continue;
      const leftOn = wave - this.rng.int(1, 25);
      if (leftOn <= dayFromString(kid.enrollment.row.enrolled_on)) continue;
      this.leave(kid, leftOn, REASONS.leftMoved, 'Отчислен по заявлению родителей (переезд)');
    }
  }

  private leave(kid: Kid, leftOn: Day, reason: string, leaveReason: string): void {
    const enrollment = kid.enrollment!;
    enrollment.row.left_on = formatDay(leftOn);
    enrollment.row.leave_reason = leaveReason;
    this.occupancy.set(enrollment.group.id, this.occupancy.get(enrollment.group.id)! - 1);
    const head = this.catalog.kindergartens.get(enrollment.group.kindergartenId)!.headUserId;
    this.event(
      kid,
      localMoment(leftOn, 12, 0),
      'status',
      'enrolled',
      'archived',
      reason,
      { kindergartenId: enrollment.group.kindergartenId },
      head,
    );
    kid.enrollment = null;
    kid.state = 'done';
    kid.status = 'archived';
  }

  private moveGroup(kid: Kid, group: GroupModel, start: Day, leaveReason: string): void {
    const current = kid.enrollment!;
    // left_on is the first day away: the day the new group starts (start − 1 left every child away
    // for a day, and charts sampled on 31 August showed whole kindergartens empty).
    current.row.left_on = formatDay(start);
    current.row.leave_reason = leaveReason;
    if (group.kindergartenId !== current.group.kindergartenId) kid.attendingSince = start;
    const row: EnrollmentRow = {
      group_id: group.id,
      child_id: kid.childId,
      application_id: kid.applicationId,
      enrolled_on: formatDay(start),
      left_on: null,
      leave_reason: null,
    };
    this.enrollments.push(row);
    this.occupancy.set(group.id, this.occupancy.get(group.id)! + 1);
    kid.enrollment = { group, row };
  }

  /** A group of the kindergarten for a child of `age` with a free place on `day`; `kid` null ignores its wishes. */
  private freeGroup(
    kg: KindergartenModel,
    age: number,
    kid: Kid | null,
    day: Day,
    mover = false,
  ): GroupModel | null {
    let best: GroupModel | null = null;
    let bestFree = 0;
    for (const g of kg.groups) {
      if (g.availableFrom > day || age < g.ageFrom || age >= g.ageTo) continue;
      if (kid && !fits(kid, g)) continue;
      if (!kid && !mover) continue;
      const free = g.capacity - this.occupancy.get(g.id)!;
      if (free > bestFree) {
        best = g;
        bestFree = free;
      }
    }
    return best;
  }

  /**
   * One wave of placement (комплектование): children whose desired date has come, in queue order —
   * benefit class, then registration time — each get a place in the first of their kindergartens with a
   * free place in a group of their age; with consent, the nearest other kindergarten with one.
   */
  private placementWave(start: Day, wave: Day, main: boolean): void {
    const { rng } = this;
    // Applications entered by then: before the list of the main wave is drawn up (early April) or two weeks before an extra wave.
    const cutoff = main ? localMoment(start - 150, 0) : localMoment(wave - 15, 0);
    const waveMoment = localMoment(wave, 0);
    const candidates: { kid: Kid; tier: number }[] = [];
    const freeByAge = this.freePlacesByAge(wave);
    for (const kid of this.kids) {
      if (kid.state !== 'waiting' || kid.registeredAt >= waveMoment) continue;
      this.announcePendingClaims(kid, wave);
      if (kid.removal && kid.removal.day <= wave) {
        const actor = kid.removal.actor === 'officer' ? this.m.officerUserId : kid.household.applicantUserId;
        this.exitQueue(kid, officeMoment(rng, kid.removal.day), 'removed', kid.removal.reason, actor);
        continue;
      }
      const age = fullYears(kid.birth, start);
      if (main && age >= 7) {
        this.exitQueue(kid, localMoment(start, 0, 10), 'removed', REASONS.schoolAge, null);
        continue;
      }
      this.claimSiblingRight(kid, wave);
      if (kid.pinned || kid.registeredAt >= cutoff || kid.checkUntil > waveMoment) continue;
      if (kid.desired > wave || age < 1 || age > 6 || (freeByAge[age] ?? 0) <= 0) continue;
      candidates.push({ kid, tier: kid.first ? -1 : this.tier(kid, wave) });
    }
    candidates.sort(
      (a, b) => a.tier - b.tier || a.kid.registeredAt - b.kid.registeredAt || a.kid.index - b.kid.index,
    );

    for (const { kid } of candidates) {
      const age = fullYears(kid.birth, start);
      if ((freeByAge[age] ?? 0) <= 0) continue;
      let group: GroupModel | null = null;
      let offered: number | null = null;
      for (const id of kid.choices) {
        group = this.freeGroup(this.catalog.kindergartens.get(id)!, age, kid, wave);
        if (group) break;
      }
      if (!group && kid.consent && kid.choices.length < this.m.maxPreferences) {
        const anchor = kid.household.anchor;
        for (const id of [anchor.id, ...anchor.neighbors]) {
          if (kid.choices.includes(id)) continue;
          group = this.freeGroup(this.catalog.kindergartens.get(id)!, age, kid, wave);
          if (group) {
            offered = id;
            break;
          }
        }
      }
      if (!group) continue;
      const directedDay = main
        ? weekdayOnOrAfter(start - rng.int(80, 135))
        : weekdayOnOrAfter(wave - rng.int(4, 12));
      if (directedDay >= this.reference || directedDay <= kid.registeredDay) continue;
      const directedAt = officeMoment(rng, directedDay);
      // The main wave's directions are dated before the wave day: a benefit check still open then waits.
      if (kid.checkUntil >= directedAt - 30) continue;
      // …and so does a child whose history (an earlier offer refused) runs past that date.
      const lastEvent = kid.events.reduce((m, e) => (e.occurred_at > m ? e.occurred_at : m), '');
      if (lastEvent >= formatMoment(directedAt - 30)) continue;
      if (offered !== null) {
        kid.choices.push(offered);
        this.event(
          kid,
          directedAt - 30,
          'choices',
          null,
          null,
          REASONS.consentChoice,
          { choices: [...kid.choices] },
          kid.household.applicantUserId,
        );
      }
      this.direct(kid, group, start, wave, main, directedDay, directedAt);
      for (let a = group.ageFrom; a < group.ageTo; a++) freeByAge[a] = (freeByAge[a] ?? 0) - 1;
    }
  }

  private freePlacesByAge(day: Day): number[] {
    const free = [0, 0, 0, 0, 0, 0, 0, 0];
    for (const kg of this.m.kindergartens) {
      for (const g of kg.groups) {
        if (g.availableFrom > day) continue;
        const f = g.capacity - this.occupancy.get(g.id)!;
        if (f > 0) for (let a = g.ageFrom; a < g.ageTo; a++) free[a]! += f;
      }
    }
    return free;
  }

  /** Offer of a place: accepted and enrolled (or still directed on the reference day), refused, or not taken up. */
  private direct(
    kid: Kid,
    group: GroupModel,
    start: Day,
    wave: Day,
    main: boolean,
    directedDay: Day,
    directedAt: Minute,
  ): void {
    const { rng } = this;
    const officer = this.m.officerUserId;
    const data = { kindergartenId: group.kindergartenId, groupId: group.id };
    const enrolledOn = main ? (rng.chance(0.85) ? start : start + rng.int(1, 14)) : wave + rng.int(0, 12);
    this.event(
      kid,
      directedAt,
      'status',
      'registered',
      'directed',
      main ? REASONS.directedMain : REASONS.directedExtra,
      data,
      officer,
    );
    const r = kid.first ? 1 : rng.next();
    if (r < 0.03 && directedDay + 14 < this.reference) {
      const refusedAt = officeMoment(rng, directedDay + rng.int(2, 10));
      this.event(
        kid,
        refusedAt,
        'status',
        'directed',
        'registered',
        REASONS.offerRefused,
        data,
        kid.household.applicantUserId,
      );
      const moved = addYears(start, 1);
      this.event(
        kid,
        refusedAt + 1,
        'desired_date',
        null,
        null,
        REASONS.desiredMoved,
        { from: formatDay(kid.desired), to: formatDay(moved) },
        null,
      );
      kid.desired = moved;
      return;
    }
    if (r < 0.045 && directedDay + 31 < this.reference) {
      this.event(
        kid,
        localMoment(directedDay + 31, 0, 15),
        'status',
        'directed',
        'no_show',
        REASONS.noShow,
        data,
        null,
      );
      kid.state = 'done';
      kid.status = 'no_show';
      return;
    }
    this.occupancy.set(group.id, this.occupancy.get(group.id)! + 1);
    if (kid.attendingSince === null || kid.enrollment === null) kid.attendingSince = enrolledOn;
    if (enrolledOn >= this.reference) {
      kid.state = 'directed';
      kid.status = 'directed';
      kid.enrollment = { group, row: this.enrollmentRow(kid, group, enrolledOn) };
      return;
    }
    const head = this.catalog.kindergartens.get(group.kindergartenId)!.headUserId;
    this.event(
      kid,
      localMoment(enrolledOn, 9, rng.int(0, 180)),
      'status',
      'directed',
      'enrolled',
      REASONS.enrolled,
      data,
      head,
    );
    const row = this.enrollmentRow(kid, group, enrolledOn);
    this.enrollments.push(row);
    kid.enrollment = { group, row };
    kid.state = 'enrolled';
    kid.status = 'enrolled';
  }

  private enrollmentRow(kid: Kid, group: GroupModel, enrolledOn: Day): EnrollmentRow {
    return {
      group_id: group.id,
      child_id: kid.childId,
      application_id: kid.applicationId,
      enrolled_on: formatDay(enrolledOn),
      left_on: null,
      leave_reason: null,
    };
  }

  private exitQueue(kid: Kid, at: Minute, status: 'removed', reason: string, actor: string | null): void {
    // A decision written ahead of time (for a check still open at the removal) never happened.
    const cut = formatMoment(at);
    kid.events = kid.events.filter((e) => e.occurred_at <= cut);
    const before = kid.events
      .filter((e) => e.kind === 'status')
      .reduce<EventRow | null>((last, e) => (!last || e.occurred_at >= last.occurred_at ? e : last), null);
    this.event(kid, at, 'status', before?.to_status ?? kid.status, status, reason, {}, actor);
    kid.state = 'done';
    kid.status = status;
    // A claim still being checked when the child leaves the queue is never decided.
    for (const b of kid.benefits) if (b.decidedAt !== null && b.decidedAt > at) b.decidedAt = null;
  }

  /** Benefits claimed after registration, announced once the simulation reaches their date. */
  private announcePendingClaims(kid: Kid, day: Day): void {
    for (const claim of kid.benefits) {
      if (!claim.pending || localDayOf(claim.claimedAt) > day) continue;
      // One benefit check at a time: a claim made while another is open is filed after it closes,
      // and never before the last thing already written for the child (e.g. a refused offer).
      const lastEvent = kid.events.reduce((m, e) => Math.max(m, Date.parse(e.occurred_at) / 60_000), 0);
      const floor = Math.max(kid.checkUntil, lastEvent);
      if (floor >= claim.claimedAt) {
        const shift = floor + MINUTES_PER_DAY - claim.claimedAt;
        claim.claimedAt += shift;
        if (claim.decidedAt !== null) claim.decidedAt += shift;
        if (claim.claimedAt >= this.now) continue;
      }
      claim.pending = false;
      this.event(
        kid,
        claim.claimedAt,
        'status',
        kid.status,
        'benefit_check',
        REASONS.benefitClaimed,
        benefitData(claim),
        kid.household.applicantUserId,
      );
      kid.status = 'benefit_check';
      this.decide(kid, claim);
    }
  }

  /** The sibling right (преимущественное право): once the older child attends, the family claims it there. */
  private claimSiblingRight(kid: Kid, day: Day): void {
    const older = kid.older;
    if (
      !older ||
      kid.siblingClaim !== 'none' ||
      older.state !== 'enrolled' ||
      !older.enrollment ||
      older.attendingSince === null
    )
      return;
    if (!kid.pinned && older.household.applicantUserId === null && !this.rng.chance(0.8)) {
      kid.siblingClaim = 'declined';
      return;
    }
    const kgId = older.enrollment.group.kindergartenId;
    const claimDay = Math.max(kid.registeredDay + 1, older.attendingSince) + this.rng.int(0, 30);
    if (claimDay > day || claimDay >= this.reference) return;
    const claimedAt = officeMoment(this.rng, claimDay);
    // One benefit check at a time, after what is already written: try again at a later wave.
    const lastEvent = kid.events.reduce((m, e) => Math.max(m, Date.parse(e.occurred_at) / 60_000), 0);
    if (kid.checkUntil >= claimedAt - 1 || lastEvent >= claimedAt - 1) return;
    kid.siblingClaim = 'done';
    const claim: BenefitSim = {
      kind: 'sibling',
      cls: 'sibling',
      claimedAt,
      decidedAt: officeMoment(this.rng, claimDay + this.rng.int(1, 10)),
      rejected: false,
      validUntil: null,
      siblingKindergartenId: kgId,
      pending: false,
    };
    kid.benefits.push(claim);
    const others = kid.choices.filter((id) => id !== kgId);
    kid.choices = [kgId, ...others].slice(0, this.m.maxPreferences);
    this.event(
      kid,
      claimedAt,
      'choices',
      null,
      null,
      REASONS.siblingChoice,
      { choices: [...kid.choices] },
      kid.household.applicantUserId,
    );
    this.event(
      kid,
      claimedAt + 1,
      'status',
      kid.status,
      'benefit_check',
      REASONS.benefitClaimed,
      benefitData(claim),
      kid.household.applicantUserId,
    );
    kid.status = 'benefit_check';
    this.decide(kid, claim);
  }

  /** Queue tier on a day: the best verified, unexpired benefit (the sibling right counts at that kindergarten only, tried first). */
  private tier(kid: Kid, day: Day): number {
    let best = 3;
    const moment = localMoment(day, 0);
    for (const b of kid.benefits) {
      if (b.rejected || b.pending || b.decidedAt === null || b.decidedAt > moment) continue;
      if (b.validUntil !== null && b.validUntil < day) continue;
      best = Math.min(best, TIER_OF[b.cls]);
    }
    return best;
  }

  // ——— the end state ———

  private finish(): void {
    for (const kid of this.kids) {
      if (kid.state === 'waiting') {
        this.announcePendingClaims(kid, this.reference - 1);
        if (kid.removal && kid.removal.day < this.reference) {
          const actor =
            kid.removal.actor === 'officer' ? this.m.officerUserId : kid.household.applicantUserId;
          this.exitQueue(kid, officeMoment(this.rng, kid.removal.day), 'removed', kid.removal.reason, actor);
        }
      }
      // Claims never announced (the child left the queue first) were never made.
      kid.benefits = kid.benefits.filter((b) => !b.pending);
    }
    // The demo family esia-1000003 normally has a child attending; on a few reference days (a full
    // region right after 1 September) it does not, and its story is then simply a family in the queue.
  }

  /** A few attending children whose parents asked for a transfer (перевод) to another kindergarten. */
  private addTransfers(): void {
    const { rng } = this;
    for (const kid of this.kids) {
      if (kid.state !== 'enrolled' || !kid.enrollment || kid.first || kid.household.applicantUserId) continue;
      const age = fullYears(kid.birth, schoolYearStart(this.reference));
      if (age < 2 || age > 5 || !rng.chance(0.012)) continue;
      const since = dayFromString(kid.enrollment.row.enrolled_on);
      const day = this.reference - rng.int(5, 200);
      if (day < since + 60) continue;
      const current = kid.enrollment.group.kindergartenId;
      const kg = this.catalog.kindergartens.get(current)!;
      const choices = rng.sample(
        kg.neighbors.slice(0, 6),
        Math.min(rng.int(1, 3), this.m.maxPreferences, kg.neighbors.length),
      );
      if (choices.length === 0) continue;
      const registeredAt = onlineMoment(rng, day);
      const applicationId = this.ids.uuid();
      this.transfers.push({ kid, applicationId, registeredAt, desired: day + rng.int(1, 30), choices });
    }
  }

  private rows(): PeopleRows {
    const apps: { row: ApplicationRow; events: EventRow[] }[] = [];
    const children: ChildRow[] = [];
    const choices: ChoiceRow[] = [];
    const benefits: BenefitRow[] = [];
    const municipalityId = this.m.id;
    for (const kid of this.kids) {
      const h = kid.household;
      children.push({
        id: kid.childId,
        last_name: kid.name.lastName,
        first_name: kid.name.firstName,
        patronymic: kid.name.patronymic,
        birth_date: formatDay(kid.birth),
        sex: kid.sex,
        birth_certificate: kid.certificate,
        created_at: formatMoment(kid.registeredAt),
      });
      const events = [...kid.events].sort((a, b) =>
        a.occurred_at < b.occurred_at ? -1 : a.occurred_at > b.occurred_at ? 1 : 0,
      );
      const statusEvents = events.filter((e) => e.kind === 'status');
      const lastStatus = statusEvents[statusEvents.length - 1];
      if (!lastStatus || lastStatus.to_status !== kid.status) {
        throw new Error(
          `Application of child ${kid.index} ends in ${kid.status} but its events say ${lastStatus?.to_status}`,
        );
      }
      const registered = formatMoment(kid.registeredAt);
      apps.push({
        row: {
          id: kid.applicationId,
          number: '',
          municipality_id: municipalityId,
          child_id: kid.childId,
          applicant_id: h.applicantUserId,
          applicant_name: fullNameText(h.applicant),
          applicant_email: h.email,
          applicant_phone: h.phone,
          address: h.address,
          registered_at: registered,
          desired_date: formatDay(kid.desired),
          orientation: kid.orientation,
          stay_mode: kid.stayMode,
          language: kid.language,
          consent_other: kid.consent,
          status: kid.status,
          status_changed_at: lastStatus.occurred_at,
          current_group_id: null,
          source: h.source,
          created_by: h.source === 'paper' ? this.m.officerUserId : null,
          created_at: registered,
          updated_at: events[events.length - 1]!.occurred_at,
        },
        events,
      });
      kid.choices.forEach((kindergartenId, i) =>
        choices.push({ application_id: kid.applicationId, rank: i + 1, kindergarten_id: kindergartenId }),
      );
      for (const b of kid.benefits) benefits.push(this.benefitRow(kid, b));
    }
    for (const t of this.transfers) {
      const h = t.kid.household;
      const registered = formatMoment(t.registeredAt);
      const event: EventRow = {
        application_id: t.applicationId,
        occurred_at: registered,
        kind: 'status',
        from_status: null,
        to_status: 'registered',
        reason: REASONS.transfer,
        data: { transfer: true, currentGroupId: t.kid.enrollment!.group.id },
        actor_id: null,
      };
      apps.push({
        row: {
          id: t.applicationId,
          number: '',
          municipality_id: municipalityId,
          child_id: t.kid.childId,
          applicant_id: null,
          applicant_name: fullNameText(h.applicant),
          applicant_email: h.email,
          applicant_phone: h.phone,
          address: h.address,
          registered_at: registered,
          desired_date: formatDay(t.desired),
          orientation: t.kid.orientation,
          stay_mode: t.kid.stayMode,
          language: t.kid.language,
          consent_other: false,
          status: 'registered',
          status_changed_at: registered,
          current_group_id: t.kid.enrollment!.group.id,
          source: 'epgu',
          created_by: null,
          created_at: registered,
          updated_at: registered,
        },
        events: [event],
      });
      t.choices.forEach((kindergartenId, i) =>
        choices.push({ application_id: t.applicationId, rank: i + 1, kindergarten_id: kindergartenId }),
      );
    }
    // Numbers in order of registration: «<municipality>-<year>-<serial>».
    apps.sort((a, b) =>
      a.row.registered_at < b.row.registered_at ? -1 : a.row.registered_at > b.row.registered_at ? 1 : 0,
    );
    const serials = new Map<string, number>();
    const prefix = String(this.m.index + 1).padStart(2, '0');
    for (const app of apps) {
      const year = app.row.registered_at.slice(0, 4);
      const serial = (serials.get(year) ?? 0) + 1;
      serials.set(year, serial);
      app.row.number = `${prefix}-${year}-${String(serial).padStart(6, '0')}`;
    }
    return {
      municipalityId,
      children,
      applications: apps.map((a) => a.row),
      choices,
      benefits,
      events: apps.flatMap((a) => a.events),
      enrollments: this.enrollments,
    };
  }

  private benefitRow(kid: Kid, b: BenefitSim): BenefitRow {
    const decided = b.decidedAt !== null && b.decidedAt < this.now;
    let status: BenefitStatus = 'claimed';
    if (decided)
      status = b.rejected
        ? 'rejected'
        : b.validUntil !== null && b.validUntil < this.reference
          ? 'expired'
          : 'verified';
    return {
      application_id: kid.applicationId,
      kind: b.kind,
      class: b.cls,
      status,
      sibling_kindergarten_id: b.siblingKindergartenId,
      valid_until: b.validUntil === null ? null : formatDay(b.validUntil),
      decided_by: decided ? this.m.officerUserId : null,
      decided_at: decided ? formatMoment(b.decidedAt!) : null,
      decision_reason: decided ? (b.rejected ? REASONS.benefitRejected : REASONS.benefitVerified) : null,
      claimed_at: formatMoment(b.claimedAt),
    };
  }

  private event(
    kid: Kid,
    at: Minute,
    kind: EventRow['kind'],
    from: ApplicationStatus | null,
    to: ApplicationStatus | null,
    reason: string,
    data: Record<string, unknown>,
    actor: string | null,
  ): void {
    kid.events.push({
      application_id: kid.applicationId,
      occurred_at: formatMoment(at),
      kind,
      from_status: from,
      to_status: to,
      reason,
      data,
      actor_id: actor,
    });
  }
}

/** May a child (by its application's wishes) attend this group? */
export function fits(
  kid: { orientation: Orientation; stayMode: StayMode },
  group: { orientation: Orientation; stayMode: StayMode },
): boolean {
  const orientation =
    group.orientation === kid.orientation ||
    (kid.orientation === 'general' && (group.orientation === 'combined' || group.orientation === 'health'));
  const stay =
    group.stayMode === kid.stayMode || (FLEXIBLE_STAY.has(kid.stayMode) && FLEXIBLE_STAY.has(group.stayMode));
  return orientation && stay;
}

function benefitData(b: BenefitSim): Record<string, unknown> {
  return {
    benefitClass: b.cls,
    benefitKind: b.kind,
    benefit: BENEFIT_NAMES[b.kind] ?? b.kind,
    ...(b.siblingKindergartenId !== null ? { kindergartenId: b.siblingKindergartenId } : {}),
  };
}

function lowerBound(kids: readonly Kid[], birth: Day): number {
  let lo = 0;
  let hi = kids.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (kids[mid]!.birth < birth) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function weekdayOnOrAfter(day: Day): Day {
  const w = weekday(day);
  return w === 5 ? day + 2 : w === 6 ? day + 1 : day;
}

/** A moment in office hours (weekdays 9:00–17:00) on or just after a day. */
function officeMoment(rng: Rng, day: Day): Minute {
  return localMoment(weekdayOnOrAfter(day), rng.int(9, 16), rng.int(0, 59));
}

/** A moment when parents use the portal (7:00–23:59, any day). */
function onlineMoment(rng: Rng, day: Day): Minute {
  return localMoment(day, rng.int(7, 23), rng.int(0, 59));
}

function localDayOf(moment: Minute): Day {
  return Math.floor((moment + 180) / 1440);
}

function dayFromString(text: string): Day {
  return Date.parse(`${text}T00:00:00Z`) / 86_400_000;
}
