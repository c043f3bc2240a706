import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../app/testing/test-app.js';
import { verifyRemote } from './domain/verify-remote.js';

/** A whole contest over HTTP on a real database: draft → published, review, voting, the public log. */
let t: TestApp;
let organiser: Client;
let expert: Client;
let citizen1: Client;
let citizen2: Client;
beforeAll(async () => {
  t = await startTestApp({ listen: true });
  organiser = await t.asFixture('organiser');
  expert = await t.asFixture('expert');
  citizen1 = await t.asFixture('citizen1');
  citizen2 = await t.asFixture('citizen2');
}, 60_000);
afterAll(async () => t?.close());

const C = 'smart-2026';
const hours = (h: number) => new Date(Date.now() + h * 3_600_000).toISOString();
const fieldsOf = (res: { json: () => { errors?: { field: string }[] } }) =>
  (res.json().errors ?? []).map((e) => e.field);
const practice = (nominationId: string, regionCode: string, title: string) => ({
  nominationId,
  submitterKind: 'regional_team',
  regionCode,
  title,
  problem: 'Семьи ждут пособия месяцами',
  solution: 'Проактивное назначение по данным ЗАГС',
  results: 'Срок назначения сократился с 30 до 3 дней',
  resultFigures: [{ indicator: 'Срок назначения, дней', before: 30, after: 3, unit: 'дн.' }],
  periodFrom: '2025-01-01',
  periodTo: '2025-12-31',
  worksAt: ['МФЦ Кирова'],
  contacts: 'team@example.ru',
});
const count = async (table: 'contest_ballot' | 'contest_vote_log') =>
  Number(
    (
      await t.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('contest_id', '=', C)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('a contest from draft to published results', () => {
  it('is created as a draft with directions and weighted criteria; windows must follow one another', async () => {
    const body = {
      id: C,
      title: 'Смарт Диалог 2026',
      rules: 'Одна практика — одна номинация.',
      windows: {
        submissionsOpen: hours(-72),
        submissionsClose: hours(-48),
        reviewOpen: hours(-47),
        reviewClose: hours(-2),
        votingOpen: hours(-1),
        votingClose: hours(240),
      },
      directions: [
        { code: 'social', title: 'Социальная политика' },
        { code: 'health', title: 'Здравоохранение' },
      ],
      criteria: [
        { code: 'effect', title: 'Измеримый эффект', weight: 60 },
        { code: 'scale', title: 'Тиражируемость', weight: 30 },
      ],
    };
    const bad = await organiser.post('/api/staff/contests', {
      ...body,
      windows: { ...body.windows, votingOpen: hours(-100) },
    });
    expect(bad.statusCode).toBe(422);
    expect(fieldsOf(bad)).toEqual(['body.windows.votingOpen']);
    const res = await organiser.post('/api/staff/contests', body);
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().state).toBe('draft');
    expect((await t.anonymous.get(`/api/contests/${C}`)).statusCode).toBe(404);
  });

  it('takes nominations proposed from the feedback topics, and refuses to open with weights not summing to 100', async () => {
    const proposals = await organiser.get(
      `/api/staff/contests/${C}/nomination-proposals?from=2020-01-01&to=2030-12-31&limit=5`,
    );
    expect(proposals.statusCode, proposals.body).toBe(200);
    expect(proposals.json().source).toBe('feedback');
    const res = await organiser.put(`/api/staff/contests/${C}/nominations`, {
      nominations: [
        {
          id: 'n-01',
          directionCode: 'social',
          title: 'Поддержка семей',
          topicCode: 'social.benefits',
          topicCount: 685,
          topicShare: 0.17,
        },
        { id: 'n-02', directionCode: 'health', title: 'Доступная медицина' },
      ],
    });
    expect(res.statusCode, res.body).toBe(200);
    const refused = await organiser.post(`/api/staff/contests/${C}/transitions`, { to: 'submissions' });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().errors[0].expected).toBe('bad_weights');
    const skip = await organiser.post(`/api/staff/contests/${C}/transitions`, { to: 'voting' });
    expect(skip.json().errors[0].expected).toBe('not_next');
    await organiser.patch(`/api/staff/contests/${C}`, {
      criteria: [
        { code: 'effect', title: 'Измеримый эффект', weight: 60 },
        { code: 'scale', title: 'Тиражируемость', weight: 40 },
      ],
    });
    const open = await organiser.post(`/api/staff/contests/${C}/transitions`, { to: 'submissions' });
    expect(open.statusCode, open.body).toBe(200);
  });

  it('saves drafts, submits them, checks documents by content; the organiser moderates with a reason', async () => {
    const draft = await citizen1.post(`/api/contests/${C}/practices`, {
      ...practice('n-01', '43', 'Семейный МФЦ'),
      problem: '',
    });
    expect(draft.statusCode, draft.body).toBe(201);
    expect(draft.json()).toMatchObject({ id: 'p-0001', status: 'draft' });
    const notPdf = await citizen1.post(`/api/contests/${C}/practices/p-0001/documents`, {
      name: 'отчёт.pdf',
      contentBase64: Buffer.from('MZ\x90\x00 not a pdf').toString('base64'),
    });
    expect(notPdf.statusCode).toBe(422);
    expect(fieldsOf(notPdf)).toEqual(['body.contentBase64']);
    const pdf = await citizen1.post(`/api/contests/${C}/practices/p-0001/documents`, {
      name: 'отчёт.pdf',
      contentBase64: Buffer.from('%PDF-1.4\n1 0 obj\n%%EOF\n').toString('base64'),
    });
    expect(pdf.statusCode, pdf.body).toBe(201);
    expect(pdf.json().documents).toEqual([expect.objectContaining({ mediaType: 'application/pdf' })]);
    const incomplete = await citizen1.put(`/api/contests/${C}/practices/p-0001?submit=true`, {
      ...practice('n-01', '43', 'Семейный МФЦ'),
      problem: '',
    });
    expect(fieldsOf(incomplete)).toEqual(['body.problem']);
    const submitted = await citizen1.put(
      `/api/contests/${C}/practices/p-0001?submit=true`,
      practice('n-01', '43', 'Семейный МФЦ'),
    );
    expect(submitted.json().status).toBe('submitted');
    expect(
      (await citizen2.put(`/api/contests/${C}/practices/p-0001`, practice('n-01', '43', 'x y z'))).statusCode,
    ).toBe(404);
    await citizen2.post(
      `/api/contests/${C}/practices?submit=true`,
      practice('n-02', '50', 'Поликлиника без очередей'),
    );
    await citizen2.post(
      `/api/contests/${C}/practices?submit=true`,
      practice('n-01', '77', 'Копия чужой практики'),
    );
    const otherNomination = await citizen2.post(
      `/api/contests/${C}/practices`,
      practice('n-09', '77', 'Нет такой'),
    );
    expect(fieldsOf(otherNomination)).toEqual(['body.nominationId']);
    for (const [id, decision] of [
      ['p-0001', 'admit'],
      ['p-0002', 'admit'],
      ['p-0003', 'reject'],
    ] as const) {
      const res = await organiser.post(`/api/staff/contests/${C}/practices/${id}/moderation`, {
        decision,
        reason: decision === 'admit' ? 'Соответствует условиям' : 'Заимствована без указания авторов',
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const rejected = await organiser.get(`/api/staff/contests/${C}/practices?status=rejected`);
    expect(rejected.json()[0].moderationReason).toBe('Заимствована без указания авторов');
  });

  it('lets experts score others’ practices only, hiding results until every score is in', async () => {
    await organiser.post(`/api/staff/contests/${C}/transitions`, { to: 'review' });
    await expert.put('/api/staff/contest-expert/profile', { regionCode: '43', organisationId: null });
    const own = await expert.put(`/api/staff/contests/${C}/practices/p-0001/scores`, {
      scores: [
        { criterion: 'effect', score: 9 },
        { criterion: 'scale', score: 9 },
      ],
    });
    expect(own.statusCode).toBe(403);
    expect(own.json().type).toMatch(/conflict-of-interest$/);
    expect(fieldsOf(own)).toEqual(['params.practiceId']);
    const before = (await expert.get(`/api/staff/contests/${C}/review`)).json();
    expect(before.find((i: { practiceId: string }) => i.practiceId === 'p-0002')).toMatchObject({
      myStatus: 'open',
      weighted: null,
    });
    const missing = await expert.put(`/api/staff/contests/${C}/practices/p-0002/scores`, {
      scores: [{ criterion: 'effect', score: 8 }],
    });
    expect(fieldsOf(missing)).toEqual(['body.scores']);
    const ok = await expert.put(`/api/staff/contests/${C}/practices/p-0002/scores`, {
      scores: [
        { criterion: 'effect', score: 8 },
        { criterion: 'scale', score: 5 },
      ],
    });
    expect(ok.statusCode, ok.body).toBe(200);
    const after = (await expert.get(`/api/staff/contests/${C}/review`)).json();
    // 60 × 8/10 + 40 × 5/10 = 68: the only eligible expert is in.
    expect(after.find((i: { practiceId: string }) => i.practiceId === 'p-0002')).toMatchObject({
      myStatus: 'scored',
      weighted: 68,
      expertsIn: 1,
      expertsDue: 1,
    });
  });

  it('shortlists per nomination, refusing a practice of another nomination, and freezes it at voting', async () => {
    const wrong = await organiser.put(`/api/staff/contests/${C}/shortlist`, {
      nominationId: 'n-01',
      practiceIds: ['p-0002'],
    });
    expect(wrong.statusCode).toBe(422);
    expect(fieldsOf(wrong)).toEqual(['body.practiceIds.0']);
    await organiser.put(`/api/staff/contests/${C}/shortlist`, {
      nominationId: 'n-01',
      practiceIds: ['p-0001'],
    });
    await organiser.put(`/api/staff/contests/${C}/shortlist`, {
      nominationId: 'n-02',
      practiceIds: ['p-0002'],
    });
    expect((await organiser.post(`/api/staff/contests/${C}/transitions`, { to: 'voting' })).statusCode).toBe(
      200,
    );
    const frozen = await organiser.patch(`/api/staff/contests/${C}`, { rules: 'Другие правила' });
    expect(frozen.statusCode).toBe(409);
    expect(fieldsOf(frozen)).toEqual(['body.rules']);
    expect(
      (await organiser.put(`/api/staff/contests/${C}/shortlist`, { nominationId: 'n-01', practiceIds: [] }))
        .statusCode,
    ).toBe(409);
    const ballot = (await t.anonymous.get(`/api/contests/${C}`)).json().ballot;
    expect(ballot.map((b: { practiceId: string }) => b.practiceId)).toEqual(['p-0001', 'p-0002']);
  });

  let receipt = '';
  it('takes one vote per person per nomination from a confirmed account, with the region of its registration', async () => {
    const unconfirmed = await citizen1.post(`/api/contests/${C}/votes`, {
      nominationId: 'n-01',
      practiceId: 'p-0001',
    });
    expect(unconfirmed.statusCode).toBe(403);
    expect(fieldsOf(unconfirmed)).toEqual(['identity.confirmed']);
    await t.db
      .updateTable('app_user')
      .set({ identity_confirmed: true, registration_region: '78' })
      .where('id', 'in', [t.fixture.users.citizen1, t.fixture.users.citizen2])
      .execute();
    const vote = await citizen1.post(`/api/contests/${C}/votes`, {
      nominationId: 'n-01',
      practiceId: 'p-0001',
    });
    expect(vote.statusCode, vote.body).toBe(201);
    receipt = vote.json().receipt;
    expect(receipt).toMatch(/^[0-9a-f]{64}$/);
    const again = await citizen1.post(`/api/contests/${C}/votes`, {
      nominationId: 'n-01',
      practiceId: 'p-0001',
    });
    expect(again.statusCode).toBe(409);
    expect(fieldsOf(again)).toEqual(['body.nominationId']);
    const other = await citizen1.post(`/api/contests/${C}/votes`, {
      nominationId: 'n-02',
      practiceId: 'p-0001',
    });
    expect(other.statusCode).toBe(422);
    expect(fieldsOf(other)).toEqual(['body.practiceId']);
    expect(await count('contest_ballot')).toBe(1);
    expect(await count('contest_vote_log')).toBe(1);
    expect(
      (await citizen1.post(`/api/contests/${C}/votes`, { nominationId: 'n-02', practiceId: 'p-0002' }))
        .statusCode,
    ).toBe(201);
    expect(
      (await citizen2.post(`/api/contests/${C}/votes`, { nominationId: 'n-01', practiceId: 'p-0001' }))
        .statusCode,
    ).toBe(201);
    // The ballot register holds no choice and no time; the log no identity.
    const ballots = await t.db.selectFrom('contest_ballot').selectAll().where('contest_id', '=', C).execute();
    expect(Object.keys(ballots[0]!).sort()).toEqual(['contest_id', 'nomination_id', 'voter_hash']);
  });

  it('hides results while voting; a receipt is found, a forged one is not; checkpoints are published', async () => {
    expect((await organiser.get(`/open-data/contests/${C}/results.json`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/open-data/contests/${C}/votes.jsonl`)).statusCode).toBe(404);
    const found = await t.anonymous.get(`/api/contests/${C}/receipts/${receipt}`);
    expect(found.json()).toMatchObject({ seq: 1, checkpointed: true, annulled: false });
    const forged = await t.anonymous.get(`/api/contests/${C}/receipts/${'ab'.repeat(32)}`);
    expect(forged.statusCode).toBe(404);
    expect(fieldsOf(forged)).toEqual(['params.receipt']);
    const cps = (await t.anonymous.get(`/open-data/contests/${C}/checkpoints.json`)).json();
    expect(cps[0]).toMatchObject({ seq: 1 });
  });

  it('limits one voter to 30 vote requests a minute, whatever their network', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 31; i++)
      statuses.push(
        (await citizen1.post(`/api/contests/${C}/votes`, { nominationId: 'n-01', practiceId: 'p-0001' }))
          .statusCode,
      );
    expect(statuses.at(-1)).toBe(429);
    expect(statuses.filter((s) => s !== 409 && s !== 429)).toEqual([]);
    expect(await count('contest_vote_log')).toBe(3);
  });

  it('annuls a vote with a reason as a later line, closes, and publishes a log anyone can verify', async () => {
    const annul = await organiser.post(`/api/staff/contests/${C}/votes/3/annulment`, {
      reason: 'Бот: всплеск из одной сети',
    });
    expect(annul.statusCode, annul.body).toBe(201);
    expect(annul.json()).toEqual({ seq: 4, annuls: 3 });
    expect(
      (await organiser.post(`/api/staff/contests/${C}/votes/3/annulment`, { reason: 'Ещё раз' })).statusCode,
    ).toBe(409);
    expect((await organiser.post(`/api/staff/contests/${C}/transitions`, { to: 'closed' })).statusCode).toBe(
      200,
    );
    const late = await citizen2.post(`/api/contests/${C}/votes`, {
      nominationId: 'n-02',
      practiceId: 'p-0002',
    });
    expect(late.statusCode).toBe(409);
    expect(fieldsOf(late)).toEqual(['params.contestId']);
    const log = (await t.anonymous.get(`/open-data/contests/${C}/votes.jsonl`)).body.trim().split('\n');
    expect(log).toHaveLength(4);
    expect(JSON.parse(log[3]!)).toMatchObject({ seq: 4, annuls: 3, reason: 'Бот: всплеск из одной сети' });
    expect(JSON.parse(log[0]!)).toMatchObject({
      nomination: 'n-01',
      practice: 'p-0001',
      voter_region: '78',
      receipt,
    });
    const results = (await t.anonymous.get(`/open-data/contests/${C}/results.json`)).json();
    expect(results.totals).toEqual([
      { nomination: 'n-01', practice: 'p-0001', votes: 1 },
      { nomination: 'n-02', practice: 'p-0002', votes: 1 },
    ]);
    expect(results.by_region).toEqual([
      { nomination: 'n-01', practice: 'p-0001', voter_region: '78', votes: 1 },
      { nomination: 'n-02', practice: 'p-0002', voter_region: '78', votes: 1 },
    ]);
    const { line } = await verifyRemote(t.config.publicUrl, C);
    expect(line).toBe(
      `verified: contest ${C}, 4 lines, ${(await t.anonymous.get(`/open-data/contests/${C}/checkpoints.json`)).json().length} checkpoints, head 4 ${results.head.hash}`,
    );
  });

  it('names a tampered log line, checkpoint and total', async () => {
    const tampered = (path: string, change: (body: string) => string): typeof fetch =>
      (async (url: string | URL | Request) => {
        const res = await fetch(url);
        const body = await res.text();
        return new Response(String(url).endsWith(path) ? change(body) : body, { status: res.status });
      }) as typeof fetch;
    const base = t.config.publicUrl;
    const line = await verifyRemote(
      base,
      C,
      tampered('votes.jsonl', (b) => b.replace('"p-0002"', '"p-0001"')),
    );
    expect(line.line).toBe(`mismatch: contest ${C}, line 2: hash does not match its content`);
    const cp = await verifyRemote(
      base,
      C,
      tampered('checkpoints.json', (b) => b.replace(/"hash":"[0-9a-f]/, '"hash":"z')),
    );
    expect(cp.line).toMatch(
      new RegExp(`^mismatch: contest ${C}, checkpoint seq \\d+: hash differs from line \\d+$`),
    );
    const total = await verifyRemote(
      base,
      C,
      tampered('results.json', (b) => b.replace('"votes":1}', '"votes":2}')),
    );
    expect(total.line).toBe(`mismatch: contest ${C}, total n-01/p-0001: published 2, the log counts 1`);
  });

  it('audited every change', async () => {
    const actions = await t.db
      .selectFrom('audit_event')
      .select('action')
      .where('action', 'like', 'contests.%')
      .execute();
    const names = new Set(actions.map((a) => a.action));
    for (const a of [
      'contests.contest.created',
      'contests.nominations.set',
      'contests.contest.transition',
      'contests.practice.submitted',
      'contests.practice.moderated',
      'contests.practice.scored',
      'contests.shortlist.set',
      'contests.vote.annulled',
    ])
      expect(names).toContain(a);
  });
});
