import type {
  CatalogConfig,
  ConstructionNoteInput,
  DepartureInput,
  EnrollmentInput,
  GroupCreateInput,
  GroupInput,
  KindergartenCardInput,
  KindergartenCreateSchemaOutput,
  StaffKindergarten,
  StaffKindergartenList,
} from '../../../contracts/kindergarten-catalog.js';
import { recordAudit, type Actor } from '../../../platform/audit/audit-log.js';
import { can, grantsOf, permittedActions } from '../../../platform/auth/permissions.js';
import type { Principal } from '../../../platform/auth/roles.js';
import type { Db } from '../../../platform/db/database.js';
import type { Tx } from '../../../platform/db/transaction.js';
import { conflict, forbidden, invalidField, notFound } from '../../../platform/http/problem.js';
import { fullYears } from '../queue/age-group.js';
import { isOverCapacity } from './free-places.js';
import { childCoefficient, occupancy, totalOccupancy } from './occupancy.js';
import { CATALOG_ACTIONS, KINDERGARTEN_CANDIDATE_ACTIONS } from './permissions.js';
import { photosOf } from './photo-queries.js';
import { toStaffPhoto } from './photo-service.js';
import { writeAndRefresh } from './catalog-write.js';
import type { PublicCatalog } from './public-catalog.js';
import {
  allowOverCapacity,
  attendingChildren,
  attendingCount,
  lockGroup,
  lockKindergarten,
  municipalityExists,
} from './queries.js';
import { fieldChanges } from '../../../platform/audit/field-changes.js';

const MAX_CAPACITY = 60;
const MAX_CARETAKERS = 20;
// Fields only a municipal officer or the regional administrator may change (construction, status, place).
const MANAGED_FIELDS = ['status', 'openingDate', 'plannedCapacity', 'municipalityId'] as const;

const CARD_COLUMNS = {
  nameRu: 'name_ru',
  nameEn: 'name_en',
  address: 'address',
  lat: 'lat',
  lon: 'lon',
  phone: 'phone',
  email: 'email',
  website: 'website',
  headName: 'head_name',
  workingHours: 'working_hours',
  description: 'description',
  accessible: 'accessible',
  languages: 'languages',
  photos: 'photos',
  status: 'status',
  openingDate: 'opening_date',
  plannedCapacity: 'planned_capacity',
  municipalityId: 'municipality_id',
} as const;

function checkCapacity(capacity: number | undefined, caretakers: number | undefined): void {
  if (capacity !== undefined && (capacity < 0 || capacity > MAX_CAPACITY))
    throw invalidField('capacity', `Capacity must be between 0 and ${MAX_CAPACITY}.`, `0–${MAX_CAPACITY}`);
  if (caretakers !== undefined && (caretakers < 0 || caretakers > MAX_CARETAKERS))
    throw invalidField(
      'caretakers',
      `Caretakers must be between 0 and ${MAX_CARETAKERS}.`,
      `0–${MAX_CARETAKERS}`,
    );
}

/** Staff use cases: each one transaction with its audit event; the public snapshot is refreshed after. */
export class CatalogService {
  constructor(
    private readonly db: Db,
    private readonly catalog: PublicCatalog,
  ) {}

  private write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return writeAndRefresh(this.db, this.catalog, work);
  }

  async staffView(principal: Principal, kindergartenId: number): Promise<StaffKindergarten> {
    // Closed kindergartens are hidden from the public but still staff's.
    const detail = await this.catalog.detail(kindergartenId, true);
    const s = await this.catalog.snapshot();
    const k = s.byId.get(kindergartenId)!;
    const today = s.day;
    const [children, photos] = await Promise.all([
      attendingChildren(this.db, kindergartenId),
      photosOf(this.db, kindergartenId),
    ]);
    const sums = new Map<number, number>();
    const childRows = children.map((c) => {
      const coefficient = childCoefficient(c.birth_date, today);
      sums.set(c.group_id, (sums.get(c.group_id) ?? 0) + coefficient);
      return {
        enrollmentId: c.id,
        groupId: c.group_id,
        childName: [c.last_name, c.first_name, c.patronymic].filter(Boolean).join(' '),
        birthDate: c.birth_date,
        enrolledOn: c.enrolled_on,
        ageYears: fullYears(c.birth_date, today),
        coefficient,
      };
    });
    const groups = k.groups.map((g) => {
      const pub = detail.groups.find((p) => p.id === g.id)!;
      const coefficientSum = sums.get(g.id) ?? 0;
      return {
        ...pub,
        caretakers: g.caretakers,
        coefficientSum,
        occupancy: occupancy(coefficientSum, g.caretakers),
        overCapacity: isOverCapacity(g.capacity, g.enrolled),
      };
    });
    const { version: _version, ...rest } = detail;
    return {
      ...rest,
      groups,
      occupancy: totalOccupancy(groups.filter((g) => g.isOpen)),
      allowOverCapacity: s.municipalities.get(k.municipalityId)?.allowOverCapacity ?? false,
      children: childRows,
      uploadedPhotos: photos.map(toStaffPhoto),
      permittedActions: permittedActions(
        principal,
        { municipalityId: k.municipalityId, kindergartenId: k.id },
        KINDERGARTEN_CANDIDATE_ACTIONS,
      ),
    };
  }

  /** The kindergartens a staff member covers: a head's own, an officer's municipality, everything for the region. */
  async staffList(principal: Principal, municipalityId?: number): Promise<StaffKindergartenList> {
    const s = await this.catalog.snapshot();
    const regionWide = grantsOf(principal, ['regional_admin', 'auditor']).length > 0;
    const officerOf = new Set(grantsOf(principal, ['municipal_officer']).map((g) => g.municipalityId));
    const headOf = new Set(grantsOf(principal, ['kindergarten_head']).map((g) => g.kindergartenId));
    const items = s.kindergartens
      .filter(
        (k) =>
          (municipalityId === undefined || k.municipalityId === municipalityId) &&
          (regionWide || officerOf.has(k.municipalityId) || headOf.has(k.id)),
      )
      .map((k) => ({
        id: k.id,
        code: k.code,
        nameRu: k.nameRu,
        municipalityId: k.municipalityId,
        status: k.status,
        capacity: k.capacity,
        enrolled: k.enrolled,
        freePlaces: k.freePlaces,
      }));
    return {
      items,
      permittedActions: permittedActions(principal, municipalityId === undefined ? {} : { municipalityId }, [
        CATALOG_ACTIONS.create,
      ]),
    };
  }

  private async checkManagedFields(
    tx: Tx,
    principal: Principal,
    input: KindergartenCardInput,
    scope: { municipalityId: number; kindergartenId: number },
  ): Promise<void> {
    const touched = MANAGED_FIELDS.filter((f) => input[f] !== undefined);
    if (touched.length > 0 && !can(principal, CATALOG_ACTIONS.manage, scope))
      throw forbidden(
        `Only a municipal officer or the regional administrator may change ${touched.join(', ')}.`,
      );
    if (input.municipalityId !== undefined && input.municipalityId !== scope.municipalityId) {
      if (!(await municipalityExists(tx, input.municipalityId)))
        throw invalidField('municipalityId', 'No such municipality.', 'an existing municipality id');
      // Moving a kindergarten between municipalities needs authority over the target too.
      if (!can(principal, CATALOG_ACTIONS.manage, { municipalityId: input.municipalityId }))
        throw forbidden('You may not move a kindergarten to that municipality.');
    }
  }

  async updateCard(actor: Actor, principal: Principal, id: number, input: KindergartenCardInput) {
    return this.write(async (tx) => {
      const before = await lockKindergarten(tx, id);
      if (!before) throw notFound('Kindergarten');
      await this.checkManagedFields(tx, principal, input, {
        municipalityId: before.municipality_id,
        kindergartenId: id,
      });
      const status = input.status ?? before.status;
      const opening = input.openingDate !== undefined ? input.openingDate : before.opening_date;
      if ((status === 'under_construction' || status === 'planned') && !opening)
        throw invalidField(
          'openingDate',
          'A kindergarten under construction or planned needs an opening date.',
        );
      const { set, changes } = fieldChanges(before, input, CARD_COLUMNS, (field, value) =>
        field === 'photos' ? JSON.stringify(value) : value,
      );
      if (Object.keys(set).length === 0) return { id, changed: [] as string[] };
      await tx
        .updateTable('kindergarten')
        .set({ ...set, updated_at: new Date() })
        .where('id', '=', id)
        .execute();
      await recordAudit(tx, actor, {
        action: 'catalog.kindergarten.updated',
        subjectType: 'kindergarten',
        subjectId: id,
        municipalityId: before.municipality_id,
        summary: { changes },
      });
      return { id, changed: Object.keys(changes) };
    });
  }

  async createKindergarten(actor: Actor, input: KindergartenCreateSchemaOutput) {
    if (!(await municipalityExists(this.db, input.municipalityId)))
      throw invalidField('municipalityId', 'No such municipality.', 'an existing municipality id');
    if ((input.status === 'under_construction' || input.status === 'planned') && !input.openingDate)
      throw invalidField(
        'openingDate',
        'A kindergarten under construction or planned needs an opening date.',
      );
    return this.write(async (tx) => {
      const taken = await tx
        .selectFrom('kindergarten')
        .select('id')
        .where('code', '=', input.code)
        .executeTakeFirst();
      if (taken) throw conflict(`The code ${input.code} is already used.`, { field: 'code' });
      const row = await tx
        .insertInto('kindergarten')
        .values({
          municipality_id: input.municipalityId,
          code: input.code,
          name_ru: input.nameRu,
          name_en: input.nameEn ?? null,
          address: input.address,
          lat: input.lat ?? null,
          lon: input.lon ?? null,
          phone: input.phone ?? null,
          email: input.email ?? null,
          website: input.website ?? null,
          head_name: input.headName ?? null,
          working_hours: input.workingHours ?? null,
          description: input.description ?? null,
          accessible: input.accessible ?? false,
          languages: input.languages ?? ['ru'],
          photos: JSON.stringify(input.photos ?? []),
          status: input.status,
          opening_date: input.openingDate ?? null,
          planned_capacity: input.plannedCapacity ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, actor, {
        action: 'catalog.kindergarten.created',
        subjectType: 'kindergarten',
        subjectId: row.id,
        municipalityId: input.municipalityId,
        summary: { code: input.code, status: input.status, openingDate: input.openingDate ?? null },
      });
      return { id: row.id };
    });
  }

  async createGroup(actor: Actor, kindergartenId: number, input: GroupCreateInput & { caretakers: number }) {
    checkCapacity(input.capacity, input.caretakers);
    if (input.ageTo <= input.ageFrom) throw invalidField('ageTo', 'ageTo must be greater than ageFrom.');
    return this.write(async (tx) => {
      const k = await lockKindergarten(tx, kindergartenId);
      if (!k) throw notFound('Kindergarten');
      const dup = await tx
        .selectFrom('kg_group')
        .select('id')
        .where('kindergarten_id', '=', kindergartenId)
        .where('name', '=', input.name)
        .executeTakeFirst();
      if (dup) throw conflict(`A group named «${input.name}» already exists here.`, { field: 'name' });
      const row = await tx
        .insertInto('kg_group')
        .values({
          kindergarten_id: kindergartenId,
          name: input.name,
          age_from: input.ageFrom,
          age_to: input.ageTo,
          orientation: input.orientation ?? 'general',
          stay_mode: input.stayMode ?? 'full',
          language: input.language ?? 'ru',
          capacity: input.capacity,
          caretakers: input.caretakers,
          is_open: input.isOpen ?? true,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await tx
        .insertInto('kg_group_capacity')
        .values({
          group_id: row.id,
          valid_from: new Date(),
          capacity: input.capacity,
          caretakers: input.caretakers,
          changed_by: actor.userId,
        })
        .execute();
      await recordAudit(tx, actor, {
        action: 'catalog.group.created',
        subjectType: 'kg_group',
        subjectId: row.id,
        municipalityId: k.municipality_id,
        summary: { kindergartenId, ...input },
      });
      return { id: row.id };
    });
  }

  async updateGroup(actor: Actor, groupId: number, input: GroupInput) {
    checkCapacity(input.capacity, input.caretakers);
    return this.write(async (tx) => {
      const g = await lockGroup(tx, groupId);
      if (!g) throw notFound('Group');
      const k = (await lockKindergarten(tx, g.kindergarten_id))!;
      const ageFrom = input.ageFrom ?? g.age_from;
      const ageTo = input.ageTo ?? g.age_to;
      if (ageTo <= ageFrom) throw invalidField('ageTo', 'ageTo must be greater than ageFrom.');
      if (input.capacity !== undefined && input.capacity < g.capacity) {
        const enrolled = await attendingCount(tx, groupId);
        if (input.capacity < enrolled && !(await allowOverCapacity(tx, k.municipality_id)))
          throw invalidField(
            'capacity',
            `${enrolled} children attend this group; the capacity cannot be below that.`,
            `>= ${enrolled}`,
          );
      }
      const columns = {
        name: 'name',
        ageFrom: 'age_from',
        ageTo: 'age_to',
        orientation: 'orientation',
        stayMode: 'stay_mode',
        language: 'language',
        capacity: 'capacity',
        caretakers: 'caretakers',
        isOpen: 'is_open',
      } as const;
      const set: Record<string, unknown> = {};
      const changes: Record<string, { from: unknown; to: unknown }> = {};
      for (const [key, column] of Object.entries(columns)) {
        const value = input[key as keyof GroupInput];
        if (value === undefined || value === g[column]) continue;
        set[column] = value;
        changes[key] = { from: g[column], to: value };
      }
      if (Object.keys(set).length === 0) return { id: groupId, changed: [] as string[] };
      if (set.name !== undefined) {
        const dup = await tx
          .selectFrom('kg_group')
          .select('id')
          .where('kindergarten_id', '=', g.kindergarten_id)
          .where('name', '=', String(set.name))
          .where('id', '<>', groupId)
          .executeTakeFirst();
        if (dup)
          throw conflict(`A group named «${String(set.name)}» already exists here.`, { field: 'name' });
      }
      await tx
        .updateTable('kg_group')
        .set({ ...set, updated_at: new Date() })
        .where('id', '=', groupId)
        .execute();
      if (changes.capacity || changes.caretakers) {
        // History, never overwritten: charts read the capacity in force on any past day.
        await tx
          .insertInto('kg_group_capacity')
          .values({
            group_id: groupId,
            valid_from: new Date(),
            capacity: input.capacity ?? g.capacity,
            caretakers: input.caretakers ?? g.caretakers,
            changed_by: actor.userId,
          })
          .execute();
      }
      await recordAudit(tx, actor, {
        action: 'catalog.group.updated',
        subjectType: 'kg_group',
        subjectId: groupId,
        municipalityId: k.municipality_id,
        summary: { kindergartenId: g.kindergarten_id, changes },
      });
      return { id: groupId, changed: Object.keys(changes) };
    });
  }

  async enroll(actor: Actor, groupId: number, input: EnrollmentInput) {
    return this.write(async (tx) => {
      const g = await lockGroup(tx, groupId);
      if (!g) throw notFound('Group');
      const k = (await lockKindergarten(tx, g.kindergarten_id))!;
      if (!g.is_open) throw conflict('The group is closed.', { field: 'groupId' });
      const enrolled = await attendingCount(tx, groupId);
      if (enrolled + 1 > g.capacity && !(await allowOverCapacity(tx, k.municipality_id)))
        throw conflict(`The group is full (${enrolled} of ${g.capacity}); raise its capacity first.`, {
          field: 'groupId',
          capacity: g.capacity,
          enrolled,
        });
      if (input.child.birthDate > input.enrolledOn)
        throw invalidField('child.birthDate', 'The child is born after the enrollment date.');
      let child = await tx
        .selectFrom('child')
        .select(['id', 'birth_date'])
        .where('birth_certificate', '=', input.child.birthCertificate)
        .executeTakeFirst();
      if (child && child.birth_date !== input.child.birthDate)
        throw invalidField('child.birthDate', 'A child with this birth certificate has another birth date.');
      if (!child) {
        child = await tx
          .insertInto('child')
          .values({
            last_name: input.child.lastName,
            first_name: input.child.firstName,
            patronymic: input.child.patronymic ?? null,
            birth_date: input.child.birthDate,
            birth_certificate: input.child.birthCertificate,
          })
          .returning(['id', 'birth_date'])
          .executeTakeFirstOrThrow();
      } else {
        const attending = await tx
          .selectFrom('enrollment')
          .select('id')
          .where('child_id', '=', child.id)
          .where('left_on', 'is', null)
          .executeTakeFirst();
        if (attending) throw conflict('This child already attends a group; enter the departure first.');
      }
      const row = await tx
        .insertInto('enrollment')
        .values({ group_id: groupId, child_id: child.id, enrolled_on: input.enrolledOn })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, actor, {
        action: 'catalog.enrollment.created',
        subjectType: 'enrollment',
        subjectId: row.id,
        municipalityId: k.municipality_id,
        summary: {
          groupId,
          kindergartenId: g.kindergarten_id,
          childId: child.id,
          enrolledOn: input.enrolledOn,
        },
      });
      return { id: row.id };
    });
  }

  async depart(actor: Actor, groupId: number, input: DepartureInput) {
    return this.write(async (tx) => {
      const g = await lockGroup(tx, groupId);
      if (!g) throw notFound('Group');
      const k = (await lockKindergarten(tx, g.kindergarten_id))!;
      const e = await tx
        .selectFrom('enrollment')
        .select(['id', 'enrolled_on', 'left_on', 'child_id'])
        .where('id', '=', input.enrollmentId)
        .where('group_id', '=', groupId)
        .forUpdate()
        .executeTakeFirst();
      if (!e) throw invalidField('enrollmentId', 'No such enrollment in this group.');
      if (e.left_on !== null) throw conflict('The child has already left.', { field: 'enrollmentId' });
      if (input.leftOn < e.enrolled_on)
        throw invalidField('leftOn', 'The departure cannot be before the enrollment.', `>= ${e.enrolled_on}`);
      await tx
        .updateTable('enrollment')
        .set({ left_on: input.leftOn, leave_reason: input.reason })
        .where('id', '=', e.id)
        .execute();
      await recordAudit(tx, actor, {
        action: 'catalog.enrollment.ended',
        subjectType: 'enrollment',
        subjectId: e.id,
        municipalityId: k.municipality_id,
        summary: { groupId, kindergartenId: g.kindergarten_id, childId: e.child_id, leftOn: input.leftOn },
      });
      return { id: e.id };
    });
  }

  async addConstructionNote(actor: Actor, kindergartenId: number, input: ConstructionNoteInput) {
    return this.write(async (tx) => {
      const k = await lockKindergarten(tx, kindergartenId);
      if (!k) throw notFound('Kindergarten');
      const row = await tx
        .insertInto('construction_note')
        .values({
          kindergarten_id: kindergartenId,
          noted_on: input.notedOn,
          progress_percent: input.progressPercent,
          text_ru: input.textRu,
          text_en: input.textEn ?? null,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(tx, actor, {
        action: 'catalog.construction_note.created',
        subjectType: 'kindergarten',
        subjectId: kindergartenId,
        municipalityId: k.municipality_id,
        summary: { noteId: row.id, notedOn: input.notedOn, progressPercent: input.progressPercent },
      });
      return { id: row.id };
    });
  }

  async setConfig(actor: Actor, municipalityId: number, input: CatalogConfig) {
    return this.write(async (tx) => {
      const before = await allowOverCapacity(tx, municipalityId);
      await tx
        .insertInto('catalog_config')
        .values({
          municipality_id: municipalityId,
          allow_over_capacity: input.allowOverCapacity,
          updated_by: actor.userId,
        })
        .onConflict((oc) =>
          oc.column('municipality_id').doUpdateSet({
            allow_over_capacity: input.allowOverCapacity,
            updated_at: new Date(),
            updated_by: actor.userId,
          }),
        )
        .execute();
      await recordAudit(tx, actor, {
        action: 'catalog.config.updated',
        subjectType: 'municipality',
        subjectId: municipalityId,
        municipalityId,
        summary: { allowOverCapacity: { from: before, to: input.allowOverCapacity } },
      });
      return input;
    });
  }
}
