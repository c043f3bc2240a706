/** Node.js arguments for every API server process; see server-process.mjs. */
export const serverNodeArgs: readonly string[];
