/**
 * Node.js arguments for every API server process (`npm start`, the e2e servers, the benchmarks), so
 * what is measured is what runs.
 *
 * `--max-semi-space-size=32` (MB; V8's default tops out at 16): at 1,000 requests a second the default
 * young generation was scavenged ~5 times a second and promoted a request's short-lived objects to the
 * old generation, which grew ~7 MB/s and was mark-compacted every ~6 s with a 20–35 ms pause — the
 * whole p99 of the public lookup (bench/queue/README.md). A larger young generation lets them die young.
 * It reserves 64 MB more of address space.
 */
export const serverNodeArgs = ['--max-semi-space-size=32', '--import', 'tsx'];
