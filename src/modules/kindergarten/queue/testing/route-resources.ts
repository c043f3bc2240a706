import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { RouteResourceMaker } from '../../../../app/testing/route-resources.js';

/** An application of citizen1 in municipality A choosing kindergarten A1, and a file citizen1 uploaded
 * that backs the application's privilege claim. */
export const queueRouteResources: RouteResourceMaker = {
  name: 'kindergarten queue',
  params: ['applicationId', 'number', 'fileId'],
  async create(db, f) {
    const child = await sql<{ id: string }>`
      insert into child (last_name, first_name, birth_date, sex, birth_certificate)
      values ('Тестова', 'Анна', current_date - interval '2 years', 'f', ${`I-ТС ${crypto.randomInt(1e9, 1e10)}`})
      returning id`.execute(db);
    const number = `A-TEST-${crypto.randomUUID().slice(0, 13)}`;
    const application = await sql<{ id: string }>`
      insert into application (number, municipality_id, child_id, applicant_id, applicant_name, address,
        registered_at, desired_date, status)
      values (${number}, ${f.municipalityA}, ${child.rows[0]!.id}, ${f.users.citizen1}, 'Тестова Мария',
        'г. Альфа, ул. Ленина, 2', now() - interval '1 year', current_date, 'registered')
      returning id`.execute(db);
    await sql`insert into application_choice (application_id, rank, kindergarten_id)
      values (${application.rows[0]!.id}, 1, ${f.kindergartenA1})`.execute(db);
    const file = await db
      .insertInto('stored_file')
      .values({
        owner_id: f.users.citizen1,
        file_name: 'certificate.pdf',
        media_type: 'application/pdf',
        size_bytes: 4,
        sha256: crypto.createHash('sha256').update('%PDF').digest('hex'),
        content: Buffer.from('%PDF'),
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    // The file backs a privilege claim of that application, so the document route finds it.
    await sql`insert into benefit (application_id, kind, class, document_ids)
      values (${application.rows[0]!.id}, 'large_family', 'first', array[${file.id}]::uuid[])`.execute(db);
    return { applicationId: application.rows[0]!.id, number, fileId: file.id };
  },
  examples: {
    'POST /api/kindergarten/files': () => ({
      multipart: {
        fields: {},
        file: {
          field: 'file',
          name: 'certificate.pdf',
          type: 'application/pdf',
          bytes: Buffer.from('%PDF-1.4\n%test\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
        },
      },
    }),
    'POST /api/kindergarten/applications': () => ({
      headers: { 'idempotency-key': `route-test-${crypto.randomUUID()}` },
    }),
  },
};
