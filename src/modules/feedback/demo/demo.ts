import type { Insertable } from 'kysely';
import { appealUrl } from '../../../contracts/feedback.js';
import type { DemoSeedContext } from '../../../platform/app-context.js';
import type { Db } from '../../../platform/db/database.js';
import type { FamilyRequestTable } from '../../../platform/db/organisation-family-tables.js';
import { addDays } from '../calendar/day-arithmetic.js';
import { appealDeadlines } from '../calendar/deadlines.js';
import { RUSSIAN_CALENDAR } from '../calendar/production-calendar.js';
import { CATEGORIES } from '../categories/category-tree.js';
import { requestState } from '../appeals/appeal-view.js';
import type { AppealStatus } from '../appeals/appeal-status.js';
import { insertApiClient } from '../open311/open311-queries.js';
import { DEMO_OPEN311_KEY, sha256 } from '../open311/open311-service.js';
import type { FeedbackAppealEventTable, FeedbackAppealTable } from '../tables.js';
import { demoCitizens, demoMunicipalities, demoOrganisations, insertDemoAppeals } from './queries.js';

/** A small deterministic generator (mulberry32): the same seed gives the same appeals. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const TEXTS: Record<string, string[]> = {
  'education.kindergartens': [
    'В группе холодно, батареи еле тёплые, дети сидят в кофтах.',
    'На участке детского сада сломана горка, ребёнок поранился.',
    'Воспитатель не выходит на работу вторую неделю, замены нет.',
  ],
  'education.schools': ['В школе не работает гардероб, куртки лежат на подоконниках.'],
  'education.school_meals': ['В столовой школы дали холодный суп и недоваренные макароны.'],
  'education.clubs': ['Кружок робототехники отменили без объяснений посреди года.'],
  'roads.repair': ['Яма на дороге у остановки, машины объезжают по тротуару.'],
  'roads.lighting': ['Не горят фонари на улице по дороге к школе.'],
  'housing.heating': ['В квартире +16, управляющая компания не отвечает.'],
  'waste.collection': ['Мусор во дворе не вывозят уже пять дней.'],
  'yards.landscaping': ['Во дворе разбита детская площадка.'],
  'animals.stray': ['Стая собак у детского сада пугает детей.'],
};
const WEIGHTED = Object.keys(TEXTS).flatMap((code) =>
  Array<string>(code.startsWith('education') ? 4 : 1).fill(code),
);

/**
 * The demo region's appeals: a few hundred over the last two months, mostly about kindergartens and
 * schools (organisation named) and some about places (a map point near a municipality's centre), in
 * every status, so the operator's queue has overdue, due-soon and answered ones.
 */
export async function feedbackDemo(trx: Db, ctx: DemoSeedContext): Promise<Record<string, number>> {
  const rnd = random(ctx.seed * 7919 + 15);
  const count = ctx.scale === 'tiny' ? 40 : 300;
  const [citizens, orgs, municipalities] = await Promise.all([
    demoCitizens(trx, 50),
    demoOrganisations(trx, 400),
    demoMunicipalities(trx),
  ]);
  if (citizens.length === 0 || orgs.length === 0) return { appeals: 0 };
  const kindergartens = orgs.filter((o) => o.kind === 'kindergarten');
  const schools = orgs.filter((o) => o.kind === 'school');
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const appeals: Insertable<FeedbackAppealTable>[] = [];
  const events: Insertable<FeedbackAppealEventTable>[] = [];
  const requests: Insertable<FamilyRequestTable>[] = [];
  for (let i = 0; i < count; i++) {
    const id = String(i + 1);
    const code = pick(WEIGHTED);
    const leaf = CATEGORIES.leaf(code)!;
    const kind = rnd() < 0.25 ? 'message' : 'appeal';
    const age = Math.floor(rnd() * 60);
    const day = addDays(ctx.referenceDay, -age);
    const org =
      code === 'education.kindergartens'
        ? pick(kindergartens)
        : code.startsWith('education')
          ? pick(schools)
          : null;
    const m = org ? null : pick(municipalities);
    const d = appealDeadlines(
      { kind, receivedOn: day, registeredOn: day, messageTarget: leaf.messageTarget },
      RUSSIAN_CALENDAR,
    );
    const late = d.answerDue < ctx.referenceDay;
    const status: AppealStatus = late
      ? rnd() < 0.85
        ? rnd() < 0.7
          ? 'closed'
          : 'answered'
        : 'in_work'
      : age < 3
        ? 'registered'
        : rnd() < 0.5
          ? 'in_work'
          : 'answered';
    const answered = status === 'answered' || status === 'closed';
    const number = `FB-${day.slice(0, 4)}-${id.padStart(6, '0')}`;
    const owner = citizens[i % citizens.length]!.id;
    appeals.push({
      id,
      number,
      kind,
      owner_user_id: owner,
      category_code: code,
      organisation_id: org?.id ?? null,
      lat: m ? m.center_lat + (rnd() - 0.5) * 0.02 : null,
      lon: m ? m.center_lon + (rnd() - 0.5) * 0.02 : null,
      municipality_id: org?.municipality_id ?? m!.id,
      text: pick(TEXTS[code]!),
      status,
      without_answer_ground: null,
      without_answer_note: null,
      extension_reason: null,
      rating: status === 'closed' ? 3 + Math.floor(rnd() * 3) : null,
      rating_comment: null,
      received_on: day,
      registered_on: day,
      registration_due: d.registrationDue,
      forwarding_due: d.forwardingDue,
      answer_due: d.answerDue,
      responsible_organisation_id: org?.id ?? null,
      assignee_user_id: null,
      answer_text: answered ? 'Проверка проведена, нарушение устранено.' : null,
      answered_at: answered ? `${addDays(day, Math.min(age, 1 + Math.floor(rnd() * 20)))}T12:00:00Z` : null,
      answered_by: null,
      created_at: new Date(`${day}T09:00:00Z`),
    });
    events.push({
      appeal_id: id,
      actor_user_id: owner,
      type: 'registered',
      to_status: 'registered',
      at: new Date(`${day}T09:00:00Z`),
    });
    requests.push({
      module: 'feedback',
      kind,
      external_id: id,
      owner_user_id: owner,
      organisation_id: org?.id ?? null,
      reference: number,
      status,
      state: requestState(status),
      link: appealUrl(i + 1),
      submitted_at: `${day}T09:00:00Z`,
    });
  }
  await insertDemoAppeals(trx, appeals, events, requests);
  // A demo Open311 client with a published key (docs/feedback.md), so 311 apps can be tried at once.
  await insertApiClient(trx, 'Демо-клиент Open311', sha256(DEMO_OPEN311_KEY));
  ctx.log(`${appeals.length} appeals, an Open311 demo client`);
  return { appeals: appeals.length, open311Clients: 1 };
}
