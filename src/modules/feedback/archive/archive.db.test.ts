import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Appeal, PublicAnswerList } from '../../../contracts/feedback.js';
import { startTestApp, type TestApp } from '../../../app/testing/test-app.js';
import { allArchivedTexts } from './archive-queries.js';

/**
 * The public archive of answers: an operator previews the redacted texts and publishes; the public
 * searches in Russian; a second publication and an unanswered appeal are refused; and no archived
 * text carries the author's name, a phone, an e-mail or an address.
 */
let t: TestApp;
let appealId: number;
let authorName: string;
const PII_TEXT =
  'Я, Кузнецова Анна Сергеевна, живу по адресу ул. Ленина, д. 5, кв. 12, тел. +7 (912) 345-67-89, ' +
  'anna.k@mail.ru. В детском саду третий день не работает отопление, дети мёрзнут.';

beforeAll(async () => {
  t = await startTestApp();
  const citizen = await t.asFixture('citizen1');
  const filed = await citizen.post('/api/my/feedback/appeals', {
    kind: 'appeal',
    categoryCode: 'education.kindergartens',
    organisationId: t.fixture.kindergartenA1,
    text: PII_TEXT,
  });
  expect(filed.statusCode, filed.body).toBe(201);
  appealId = filed.json<Appeal>().id;
  authorName = (
    await t.db
      .selectFrom('app_user')
      .select('full_name')
      .where('id', '=', t.fixture.users.citizen1)
      .executeTakeFirstOrThrow()
  ).full_name;
});
afterAll(() => t?.close());

describe('the public archive of answers', () => {
  it('refuses to publish an appeal without an answer', async () => {
    const operator = await t.asFixture('curOperator');
    expect((await operator.post(`/api/staff/feedback/appeals/${appealId}/publication`, {})).statusCode).toBe(
      409,
    );
  });

  it('publishes the answer with personal data removed, and finds it in Russian', async () => {
    const operator = await t.asFixture('curOperator');
    await operator.post(`/api/staff/feedback/appeals/${appealId}/assign`, {});
    const answered = await operator.post(`/api/staff/feedback/appeals/${appealId}/answer`, {
      text: 'Уважаемая Анна Сергеевна! Отопление в детском саду восстановлено 5 декабря, звоните по тел. 8 800 555-35-35.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const preview = (await operator.get(`/api/staff/feedback/appeals/${appealId}/publication`)).json<{
      question: string;
      answer: string;
    }>();
    expect(preview.question).toContain('не работает отопление');
    expect(preview.question).not.toContain('Кузнецова');
    // The operator's own edit is redacted again on the server.
    const published = await operator.post(`/api/staff/feedback/appeals/${appealId}/publication`, {
      answer: 'Уважаемая Анна Сергеевна! Отопление восстановлено 5 декабря. Ответственный: Петров И. И.',
    });
    expect(published.statusCode, published.body).toBe(201);
    expect((await operator.post(`/api/staff/feedback/appeals/${appealId}/publication`, {})).statusCode).toBe(
      409,
    );

    const found = (await t.anonymous.get('/api/feedback/answers?q=отоплении')).json<PublicAnswerList>();
    expect(found.total).toBe(1);
    expect(found.items[0]).toMatchObject({ categoryCode: 'education.kindergartens' });
    expect(found.items[0]!.answer).toBe(
      'Уважаемая [ФИО]! Отопление восстановлено 5 декабря. Ответственный: [ФИО]',
    );
    expect(
      (await t.anonymous.get('/api/feedback/answers?q=канализация')).json<PublicAnswerList>().total,
    ).toBe(0);
  });

  it('a municipality’s officer of another municipality cannot publish it', async () => {
    const officerB = await t.asFixture('officerB');
    expect((await officerB.get(`/api/staff/feedback/appeals/${appealId}/publication`)).statusCode).toBe(404);
  });

  it('holds no personal data in any archived text', async () => {
    const texts = await allArchivedTexts(t.db);
    expect(texts.length).toBeGreaterThan(0);
    const nameWords = authorName.split(/\s+/).filter((w) => w.length > 2);
    for (const row of texts)
      for (const text of [row.question, row.answer]) {
        expect(text, `archive ${row.id}`).not.toMatch(/@|\+7|\d{3}[\s-]?\d{2}[\s-]?\d{2}|кв\.\s*\d|ул\.\s/);
        for (const w of [...nameWords, 'Кузнецова', 'Анна Сергеевна', 'Петров'])
          expect(text, `archive ${row.id}`).not.toContain(w);
      }
  });
});
