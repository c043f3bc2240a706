// Placement instance and result, format v1 (shared/specs/placement-instance.md), and the validation
// that turns untrusted JSON into an Instance. Ids are arbitrary strings, `__proto__` and `constructor`
// included, so ids are only ever looked up through Map/Set or own-property checks.

/** Lexicographic, smaller is better: typically `[benefitClass, registeredAtEpochSeconds, serial]`. */
export type Priority = readonly number[];

/** Wire shape of an instance, as written by the application layer or a generator. */
export interface InstanceJson {
  version: 1;
  programs: { id: string; capacity: number }[];
  children: {
    id: string;
    preferences: string[];
    priority: number[];
    programPriority?: Record<string, number[]> | null;
    current?: string | null;
  }[];
}

export interface Program {
  readonly id: string;
  /** Seats to fill in this run, including those held by children whose `current` is this program. */
  readonly capacity: number;
}

export interface Child {
  readonly id: string;
  /** Most wanted first, no repeats, every id a known program. */
  readonly preferences: readonly string[];
  readonly priority: Priority;
  /** Replaces `priority` at the programs it names (e.g. a sibling attends there). */
  readonly programPriority: ReadonlyMap<string, Priority> | undefined;
  /** Program whose seat the child already holds (a transfer request). */
  readonly current: string | undefined;
}

/** A validated instance: every reference resolves and every priority array has the same length. */
export interface Instance {
  readonly version: 1;
  readonly programs: readonly Program[];
  readonly children: readonly Child[];
}

/** Program id per child id, `null` for unplaced; a null-prototype object so any id is a safe key. */
export type Assignments = Record<string, string | null>;

export interface Result {
  version: 1;
  assignments: Assignments;
  stats: { children: number; placed: number; proposals: number; millis: number };
}

export class MalformedInstanceError extends Error {
  override name = 'MalformedInstanceError';
}

/** JSON-quoted so that empty, blank or multi-line ids stay visible on one line. */
export const quote = (id: string): string => JSON.stringify(id);

function fail(message: string): never {
  throw new MalformedInstanceError(message);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const own = (record: Record<string, unknown>, key: string): unknown =>
  Object.hasOwn(record, key) ? record[key] : undefined;

/** Checks `json` against spec v1 and throws a MalformedInstanceError naming the first problem. */
export function parseInstance(json: unknown): Instance {
  if (!isRecord(json)) return fail('instance must be a JSON object');
  const version = own(json, 'version');
  if (version !== 1) return fail(`instance: version must be 1, got ${JSON.stringify(version) ?? 'nothing'}`);

  const programs = parsePrograms(own(json, 'programs'));
  const rawChildren = own(json, 'children');
  if (!Array.isArray(rawChildren)) return fail('instance: children must be an array');

  const capacityOf = new Map<string, number>();
  for (const program of programs) capacityOf.set(program.id, program.capacity);
  const priorityLength: PriorityLength = { length: -1, setBy: '' };
  const childIds = new Set<string>();
  const holders = new Map<string, number>();
  const children = new Array<Child>(rawChildren.length);
  for (let i = 0; i < rawChildren.length; i++) {
    const child = parseChild(rawChildren[i], i, capacityOf, priorityLength);
    if (childIds.has(child.id)) fail(`child ${quote(child.id)}: duplicate id`);
    childIds.add(child.id);
    if (child.current !== undefined) holders.set(child.current, (holders.get(child.current) ?? 0) + 1);
    children[i] = child;
  }

  for (const program of programs) {
    const held = holders.get(program.id) ?? 0;
    if (held > program.capacity)
      fail(
        `program ${quote(program.id)}: capacity ${program.capacity} is smaller than the ${held} children whose current program it is`,
      );
  }
  return { version: 1, programs, children };
}

function parsePrograms(raw: unknown): Program[] {
  if (!Array.isArray(raw)) return fail('instance: programs must be an array');
  const seen = new Set<string>();
  return raw.map((item: unknown, i): Program => {
    if (!isRecord(item)) return fail(`program #${i}: must be an object`);
    const id = own(item, 'id');
    if (typeof id !== 'string') return fail(`program #${i}: id must be a string`);
    if (seen.has(id)) fail(`program ${quote(id)}: duplicate id`);
    seen.add(id);
    const capacity = own(item, 'capacity');
    if (typeof capacity !== 'number' || !Number.isInteger(capacity) || capacity < 0)
      fail(
        `program ${quote(id)}: capacity must be an integer >= 0, got ${JSON.stringify(capacity) ?? 'nothing'}`,
      );
    return { id, capacity };
  });
}

/** The first priority array seen fixes the length for the whole instance. */
interface PriorityLength {
  length: number;
  setBy: string;
}

function parseChild(
  raw: unknown,
  i: number,
  capacityOf: ReadonlyMap<string, number>,
  expected: PriorityLength,
): Child {
  if (!isRecord(raw)) return fail(`child #${i}: must be an object`);
  const id = own(raw, 'id');
  if (typeof id !== 'string') return fail(`child #${i}: id must be a string`);
  const who = `child ${quote(id)}`;

  const preferences = own(raw, 'preferences');
  if (!Array.isArray(preferences)) return fail(`${who}: preferences must be an array`);
  for (let k = 0; k < preferences.length; k++) {
    const program: unknown = preferences[k];
    if (typeof program !== 'string') return fail(`${who}: preferences must hold program ids (strings)`);
    if (!capacityOf.has(program)) fail(`${who}: preferences name unknown program ${quote(program)}`);
    // Lists are short (a handful of kindergartens), so a quadratic scan beats allocating a Set per child.
    for (let j = 0; j < k; j++)
      if (preferences[j] === program) fail(`${who}: program ${quote(program)} is repeated in preferences`);
  }

  const priority = parsePriority(own(raw, 'priority'), who, 'priority', expected);

  let programPriority: Map<string, Priority> | undefined;
  const rawOverrides = own(raw, 'programPriority');
  if (rawOverrides !== undefined && rawOverrides !== null) {
    if (!isRecord(rawOverrides)) return fail(`${who}: programPriority must be an object`);
    programPriority = new Map();
    for (const program of Object.keys(rawOverrides)) {
      if (!capacityOf.has(program)) fail(`${who}: programPriority names unknown program ${quote(program)}`);
      const field = `programPriority for ${quote(program)}`;
      programPriority.set(program, parsePriority(rawOverrides[program], who, field, expected));
    }
  }

  let current: string | undefined;
  const rawCurrent = own(raw, 'current');
  if (rawCurrent !== undefined && rawCurrent !== null) {
    if (typeof rawCurrent !== 'string') return fail(`${who}: current must be a program id (string) or null`);
    if (!capacityOf.has(rawCurrent)) fail(`${who}: current names unknown program ${quote(rawCurrent)}`);
    current = rawCurrent;
  }

  // Every child has the same shape, which keeps property access monomorphic in the solver.
  return { id, preferences: preferences as string[], priority, programPriority, current };
}

function parsePriority(raw: unknown, who: string, field: string, expected: PriorityLength): Priority {
  if (!Array.isArray(raw)) return fail(`${who}: ${field} must be an array of safe integers`);
  for (const value of raw)
    if (!Number.isSafeInteger(value))
      fail(`${who}: ${field} must be an array of safe integers, found ${JSON.stringify(value) ?? 'nothing'}`);
  if (expected.length === -1) {
    expected.length = raw.length;
    expected.setBy = `${who} ${field}`;
  } else if (raw.length !== expected.length) {
    fail(`${who}: ${field} has ${raw.length} values, but ${expected.setBy} has ${expected.length}`);
  }
  return raw as number[];
}
