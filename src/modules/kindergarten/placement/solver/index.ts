// Public API of the placement solver: validate an instance, solve it, check and explain a result.

export type { Assignments, Child, Instance, InstanceJson, Priority, Program, Result } from './instance.js';
export { MalformedInstanceError, parseInstance } from './instance.js';
export { place, solve } from './solve.js';
export type { Placement, SolveOptions } from './solve.js';
export { indexInstance } from './indexed-instance.js';
export type { IndexedInstance } from './indexed-instance.js';
export { resultJsonChunks } from './result-json.js';
export { findBlockingPair, findInfeasibility, verifyAssignments } from './stability.js';
export type { BlockingPair } from './stability.js';
export { programCutoffs } from './cutoffs.js';
export type { Cutoff } from './cutoffs.js';
export { compareAt, effectivePreferences, priorityAt } from './effective-order.js';
