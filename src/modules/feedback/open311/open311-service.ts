import crypto from 'node:crypto';
import { appealUrl, type Appeal } from '../../../contracts/feedback.js';
import type { Actor } from '../../../platform/audit/audit-log.js';
import { recordAudit } from '../../../platform/audit/audit-log.js';
import type { Db } from '../../../platform/db/database.js';
import { inTransaction } from '../../../platform/db/transaction.js';
import type { AppealService } from '../appeals/appeal-service.js';
import { isOpen, type AppealStatus } from '../appeals/appeal-status.js';
import { CATEGORIES } from '../categories/category-tree.js';
import type { Open311Value } from './open311-format.js';
import {
  apiClientByKeyHash,
  insertPending,
  markConfirmed,
  pendingByToken,
  publicRequests,
} from './open311-queries.js';

/** An answer in Open311's error format: the HTTP status and what was wrong, one line per problem. */
export class Open311Error extends Error {
  constructor(
    readonly status: number,
    readonly descriptions: string[],
  ) {
    super(descriptions.join('; '));
  }
}

/** A token waits this long for the citizen to confirm it through Госуслуги. */
export const TOKEN_LIFETIME_HOURS = 72;
/** Open311's defaults for the request list: the last 90 days, at most 1,000 requests. */
const DEFAULT_WINDOW_DAYS = 90;
const MAX_REQUESTS = 1000;

/** The demo region's Open311 key (published: demo data only). */
export const DEMO_OPEN311_KEY = 'demo-open311-key';

export const sha256 = (text: string) => crypto.createHash('sha256').update(text).digest('hex');

export interface CreateRequestInput {
  api_key?: string;
  service_code?: string;
  description?: string;
  lat?: number;
  long?: number;
  address_string?: string;
  address_id?: number;
  email?: string;
  first_name?: string;
  last_name?: string;
  phone?: string;
  media_url?: string;
}

export interface RequestListQuery {
  service_request_id?: string;
  service_code?: string;
  start_date?: string;
  end_date?: string;
  status?: 'open' | 'closed';
}

const CLOSED_STATUSES: AppealStatus[] = ['answered', 'closed', 'left_without_answer'];
const OPEN_STATUSES: AppealStatus[] = ['registered', 'forwarded', 'in_work', 'answer_rejected'];
const STATUS_NOTES: Record<AppealStatus, string> = {
  registered: 'Зарегистрировано',
  forwarded: 'Передано в компетентный орган',
  in_work: 'В работе',
  answered: 'Дан ответ',
  answer_rejected: 'Ответ не принят, на доработке',
  closed: 'Закрыто',
  left_without_answer: 'Оставлено без ответа по существу',
};

/** About 100 m: a point someone reported near their home is not published to the metre. */
const roughly = (x: number | null) => (x === null ? null : Math.round(x * 1000) / 1000);

/**
 * Open311 GeoReport v2 over the feedback service. A client files with its API key and gets a token;
 * the citizen confirms through Госуслуги at the link in `service_notice`, which files a message (59-ФЗ
 * counts identified appeals only); from then on the token resolves to the request id, the appeal's
 * number. Lists publish no author and no text.
 */
export class Open311Service {
  constructor(
    private readonly db: Db,
    private readonly appeals: AppealService,
    private readonly publicUrl: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  discovery(): Record<string, Open311Value> {
    return {
      changeset: '2026-12-04T00:00:00Z',
      contact: `${this.publicUrl}/feedback`,
      key_service: `${this.publicUrl}/feedback (API keys: the region's operator, npm run feedback:api-key)`,
      endpoints: [
        {
          specification: 'http://wiki.open311.org/GeoReport_v2',
          url: `${this.publicUrl}/open311/v2`,
          changeset: '2026-12-04T00:00:00Z',
          type: 'production',
          formats: ['text/xml', 'application/json'],
        },
      ],
    };
  }

  services(): Record<string, Open311Value>[] {
    return CATEGORIES.leaves.map((l) => ({
      service_code: l.code,
      service_name: l.ru,
      description: `${l.group.ru}: ${l.ru} (${l.en})`,
      metadata: false,
      type: 'batch',
      keywords: [l.group.ru, l.ru, l.en].join(', '),
      group: l.group.ru,
    }));
  }

  serviceDefinition(code: string): Record<string, Open311Value> {
    if (!CATEGORIES.leaf(code))
      throw new Open311Error(404, [`service_code: there is no service «${code}»; see services.json`]);
    return { service_code: code, attributes: [] };
  }

  async create(input: CreateRequestInput): Promise<Record<string, Open311Value>[]> {
    const client = input.api_key ? await apiClientByKeyHash(this.db, sha256(input.api_key)) : undefined;
    if (!input.api_key) throw new Open311Error(401, ['api_key: required; ask the region for a key']);
    if (!client || client.revoked_at) throw new Open311Error(403, ['api_key: unknown or revoked']);
    const problems: string[] = [];
    if (!input.service_code) problems.push('service_code: required');
    else if (!CATEGORIES.leaf(input.service_code))
      problems.push(`service_code: there is no service «${input.service_code}»; see services.json`);
    if (!input.description?.trim()) problems.push('description: required, what happened and where');
    const hasPoint = input.lat !== undefined && input.long !== undefined;
    if ((input.lat === undefined) !== (input.long === undefined))
      problems.push('lat, long: give both or neither');
    if (!hasPoint && input.address_id === undefined)
      problems.push(
        'lat/long or address_id: required (address_id is an organisation id); address_string alone cannot be placed',
      );
    if (input.address_id !== undefined) {
      const org = await this.db
        .selectFrom('organisation')
        .select('id')
        .where('id', '=', input.address_id)
        .executeTakeFirst();
      if (!org) problems.push(`address_id: there is no organisation ${input.address_id}`);
    }
    if (problems.length > 0) throw new Open311Error(400, problems);
    const token = crypto.randomUUID();
    const createdAt = this.now();
    await insertPending(this.db, {
      token,
      api_client_id: client.id,
      service_code: input.service_code!,
      description: input.description!.trim(),
      organisation_id: input.address_id ?? null,
      lat: hasPoint ? input.lat! : null,
      lon: hasPoint ? input.long! : null,
      address_string: input.address_string ?? null,
      email: input.email ?? null,
      first_name: input.first_name ?? null,
      last_name: input.last_name ?? null,
      phone: input.phone ?? null,
      media_url: input.media_url ?? null,
      created_at: createdAt,
      expires_at: new Date(createdAt.getTime() + TOKEN_LIFETIME_HOURS * 3600_000),
    });
    return [
      {
        token,
        service_notice: `Подтвердите сообщение через Госуслуги в течение ${TOKEN_LIFETIME_HOURS} часов: ${this.confirmUrl(token)}`,
        account_id: null,
      },
    ];
  }

  confirmUrl(token: string): string {
    return `${this.publicUrl}/feedback/confirm/${token}`;
  }

  async token(token: string): Promise<Record<string, Open311Value>[]> {
    const row = /^[0-9a-f-]{36}$/.test(token) ? await pendingByToken(this.db, token) : undefined;
    if (!row) throw new Open311Error(404, [`token: there is no token «${token}»`]);
    return [{ service_request_id: row.number ?? null, token }];
  }

  async requests(query: RequestListQuery): Promise<Record<string, Open311Value>[]> {
    const to = query.end_date ? new Date(query.end_date) : this.now();
    const from = query.start_date
      ? new Date(query.start_date)
      : new Date(to.getTime() - DEFAULT_WINDOW_DAYS * 86_400_000);
    if (Number.isNaN(from.getTime()))
      throw new Open311Error(400, ['start_date: a date and time in ISO 8601']);
    if (Number.isNaN(to.getTime())) throw new Open311Error(400, ['end_date: a date and time in ISO 8601']);
    if (from > to) throw new Open311Error(400, ['start_date: must not be after end_date']);
    const numbers = query.service_request_id
      ?.split(',')
      .map((s) => s.trim())
      .filter(Boolean);
    const rows = await publicRequests(this.db, {
      numbers,
      serviceCode: query.service_code,
      from,
      to,
      statuses:
        query.status === 'open' ? OPEN_STATUSES : query.status === 'closed' ? CLOSED_STATUSES : undefined,
      limit: MAX_REQUESTS,
    });
    return rows.map((r) => {
      const leaf = CATEGORIES.leaf(r.category_code);
      const status = r.status as AppealStatus;
      return {
        service_request_id: r.number,
        status: isOpen(status) ? 'open' : 'closed',
        status_notes: STATUS_NOTES[status],
        service_name: leaf?.ru ?? r.category_code,
        service_code: r.category_code,
        description: null,
        agency_responsible: r.organisation_name ?? null,
        service_notice: null,
        requested_datetime: new Date(r.created_at).toISOString(),
        updated_datetime: new Date(r.updated_at).toISOString(),
        expected_datetime: `${String(r.answer_due).slice(0, 10)}T23:59:59+03:00`,
        address: r.organisation_address ?? null,
        address_id: r.organisation_id ?? null,
        zipcode: null,
        lat: r.organisation_lat ?? roughly(r.lat),
        long: r.organisation_lon ?? roughly(r.lon),
        media_url: null,
      };
    });
  }

  async request(number: string): Promise<Record<string, Open311Value>[]> {
    const found = await this.requests({ service_request_id: number });
    if (found.length === 0)
      throw new Open311Error(404, [`service_request_id: there is no request «${number}»`]);
    return found;
  }

  /** What the citizen confirms: the client's text and place, before it becomes their message. */
  async pending(token: string) {
    const row = await pendingByToken(this.db, token);
    if (!row) return null;
    return {
      token: row.token,
      serviceCode: row.service_code,
      description: row.description,
      organisationId: row.organisation_id,
      organisationName: row.organisation_name ?? null,
      point: row.lat !== null && row.lon !== null ? { lat: row.lat, lon: row.lon } : null,
      addressString: row.address_string,
      expiresAt: new Date(row.expires_at).toISOString(),
      confirmed: row.appeal_id !== null,
      appealUrl: row.appeal_id !== null ? appealUrl(Number(row.appeal_id)) : null,
    };
  }

  /** The citizen files the client's request as their own message, in one transaction with the token. */
  async confirm(actor: Actor & { userId: string }, token: string): Promise<Appeal> {
    return inTransaction(this.db, async (tx) => {
      const row = await pendingByToken(tx, token, { lock: true });
      if (!row) throw new Open311Error(404, ['token: there is no such request']);
      if (row.appeal_id !== null) throw new Open311Error(409, ['token: this request is already confirmed']);
      if (new Date(row.expires_at) <= this.now())
        throw new Open311Error(410, ['token: the confirmation time has passed; file the request again']);
      const appeal = await this.appeals.fileIn(tx, actor, {
        kind: 'message',
        categoryCode: row.service_code,
        ...(row.organisation_id !== null ? { organisationId: row.organisation_id } : {}),
        ...(row.lat !== null && row.lon !== null ? { point: { lat: row.lat, lon: row.lon } } : {}),
        text: row.description,
      });
      await markConfirmed(tx, token, appeal.id, actor.userId);
      await recordAudit(tx, actor, {
        action: 'feedback.open311.confirmed',
        subjectType: 'feedback_appeal',
        subjectId: String(appeal.id),
        summary: { number: appeal.number },
      });
      return appeal;
    });
  }
}
