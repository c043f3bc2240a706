import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type Client, type TestApp } from '../../app/testing/test-app.js';

/** The second parent's invitation and health facts with consent, over HTTP on a real database. */
let t: TestApp;
let citizen1: Client;
let citizen2: Client;
let childId: string;
beforeAll(async () => {
  t = await startTestApp();
  citizen1 = await t.asFixture('citizen1');
  citizen2 = await t.asFixture('citizen2');
  const res = await citizen1.post('/api/my/children', {
    lastName: 'Петров',
    firstName: 'Лев',
    birthDate: '2018-10-02',
    sex: 'm',
    birthCertificate: 'II-ЖА 100200',
  });
  childId = res.json().id;
}, 60_000);
afterAll(async () => t?.close());

const invite = async (who = citizen1) => {
  const res = await who.post(`/api/my/children/${childId}/invitations`, { relation: 'parent' });
  expect(res.statusCode, res.body).toBe(201);
  return res.json() as { id: string; code: string; expiresAt: string };
};
const accept = (who: Client, code: string) => who.post('/api/my/family/invitations/accept', { code });

describe('inviting the second parent', () => {
  it('gives a code shown once, valid 7 days, of which only the hash is kept', async () => {
    const inv = await invite();
    expect(inv.code).toMatch(/^[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}$/);
    const days = (Date.parse(inv.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThanOrEqual(7);
    const row = await t.db
      .selectFrom('family_invitation')
      .selectAll()
      .where('id', '=', inv.id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(inv.code);
    expect(JSON.stringify(row)).not.toContain(inv.code.replaceAll('-', ''));
  });

  it('a newer code replaces the older: the old one is refused with what to do', async () => {
    const old = await invite();
    await invite();
    const res = await accept(citizen2, old.code);
    expect(res.statusCode).toBe(410);
    expect(res.json()).toMatchObject({ errors: [{ field: 'code' }] });
    expect(res.json().detail).toMatch(/newer one/);
  });

  it('an expired or unknown code is refused, saying to ask for a new one; nothing changes', async () => {
    const inv = await invite();
    await t.db
      .updateTable('family_invitation')
      .set({
        created_at: new Date(Date.now() - 8 * 86_400_000),
        expires_at: new Date(Date.now() - 86_400_000),
      })
      .where('id', '=', inv.id)
      .execute();
    const expired = await accept(citizen2, inv.code);
    expect(expired.statusCode).toBe(410);
    expect(expired.json().detail).toMatch(/expired.*new one/);
    const unknown = await accept(citizen2, 'ABCD-EFGH-JKLM');
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().detail).toMatch(/ask the other parent/);
    expect((await citizen2.get('/api/my/family')).json().children).toEqual([]);
  });

  it('the invited parent becomes a representative; the inviter is notified; the code is then used up', async () => {
    const inv = await invite();
    const res = await accept(citizen2, inv.code.toLowerCase().replaceAll('-', ' '));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toEqual({ childId, relation: 'parent' });
    const family = (await citizen2.get('/api/my/family')).json();
    expect(family.children).toHaveLength(1);
    const reps = family.children[0].representatives;
    expect(reps).toHaveLength(2);
    expect(reps.map((r: { isMe: boolean }) => r.isMe).sort()).toEqual([false, true]);
    // Names only: no ids, emails or phones of the other representative.
    expect(Object.keys(reps[0]).sort()).toEqual(['fullName', 'isMe', 'relation']);
    const audit = await t.db
      .selectFrom('audit_event')
      .select(['action', 'actor_id'])
      .where('action', 'like', 'family.invitation.%')
      .where('subject_id', '=', childId)
      .orderBy('seq')
      .execute();
    expect(audit.at(-1)).toEqual({
      action: 'family.invitation.accepted',
      actor_id: t.fixture.users.citizen2,
    });
    await t.drainJobs();
    const notices = await t.db
      .selectFrom('notification')
      .select(['template', 'link'])
      .where('user_id', '=', t.fixture.users.citizen1)
      .execute();
    expect(notices).toContainEqual({ template: 'family.invitation.accepted', link: '/my/family' });
    const again = await accept(citizen2, inv.code);
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already accepted/);
    const other = await accept(await t.asFixture('officerA'), inv.code);
    expect(other.statusCode).toBe(403);
  });

  it("the inviter's own code cannot make them a representative twice", async () => {
    const inv = await invite();
    const res = await accept(citizen1, inv.code);
    expect(res.statusCode).toBe(409);
    expect(res.json().type).toMatch(/already-representative$/);
  });
});

describe('health facts with consent', () => {
  const put = (body: unknown) => citizen1.put(`/api/my/children/${childId}/health-facts`, body);
  const rows = () =>
    t.db
      .selectFrom('child_health_fact')
      .select(['id', 'kind', 'detail', 'withdrawn_at', 'consent_by'])
      .where('child_id', '=', childId)
      .orderBy('id')
      .execute();

  it('are refused without consent, naming consent; nothing is kept', async () => {
    const res = await put({ facts: [{ kind: 'food_allergy', detail: 'арахис' }], consent: false });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors).toEqual([expect.objectContaining({ field: 'consent' })]);
    expect(await rows()).toEqual([]);
    const bad = await put({ facts: [{ kind: 'eyes', detail: '' }], consent: true });
    expect(bad.statusCode).toBe(400);
    const twice = await put({
      facts: [
        { kind: 'ovz', detail: 'ТНР' },
        { kind: 'ovz', detail: 'ТНР' },
      ],
      consent: true,
    });
    expect(twice.statusCode).toBe(400);
    expect(await rows()).toEqual([]);
  });

  it('are kept with consent and shown with its date; the audit names ids and kinds, never the details', async () => {
    const res = await put({
      facts: [
        { kind: 'food_allergy', detail: 'арахис' },
        { kind: 'ovz', detail: 'ТНР' },
      ],
      consent: true,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().healthFacts).toEqual([
      expect.objectContaining({ kind: 'food_allergy', detail: 'арахис', consentAt: expect.any(String) }),
      expect.objectContaining({ kind: 'ovz', detail: 'ТНР' }),
    ]);
    // The other representative sees them too.
    const seen = (await citizen2.get(`/api/my/children/${childId}`)).json();
    expect(seen.healthFacts).toHaveLength(2);
  });

  it('removing a fact withdraws it (the row stays with withdrawn_at); no consent is needed to remove all', async () => {
    const res = await put({ facts: [{ kind: 'ovz', detail: 'ТНР' }], consent: true });
    expect(res.json().healthFacts).toEqual([expect.objectContaining({ kind: 'ovz', detail: 'ТНР' })]);
    const after = await rows();
    expect(after.map((r) => [r.kind, r.withdrawn_at !== null])).toEqual([
      ['food_allergy', true],
      ['ovz', false],
    ]);
    const none = await put({ facts: [], consent: false });
    expect(none.statusCode).toBe(200);
    expect(none.json().healthFacts).toEqual([]);
    expect((await rows()).every((r) => r.withdrawn_at !== null)).toBe(true);
    const audit = await t.db
      .selectFrom('audit_event')
      .select('summary')
      .where('action', '=', 'family.health_facts.changed')
      .where('subject_id', '=', childId)
      .orderBy('seq')
      .execute();
    expect(audit).toHaveLength(3);
    expect(audit[1]!.summary).toEqual({
      added: [],
      withdrawn: [{ id: after[0]!.id, kind: 'food_allergy' }],
      consent: true,
    });
    expect(JSON.stringify(audit)).not.toMatch(/арахис|ТНР/);
  });
});
