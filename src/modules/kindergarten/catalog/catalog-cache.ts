import type { CatalogSnapshot } from './catalog-snapshot.js';

/**
 * Holds the catalog snapshot for `ttlMs` and rebuilds it on demand; concurrent readers share one
 * rebuild. A write in this process invalidates it at once; other processes see it within the TTL.
 */
export class CatalogCache {
  private current: { snapshot: CatalogSnapshot; expires: number } | null = null;
  private pending: Promise<CatalogSnapshot> | null = null;
  private generation = 0;

  constructor(
    private readonly build: () => Promise<CatalogSnapshot>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(): Promise<CatalogSnapshot> {
    if (this.current && this.current.expires > this.now()) return this.current.snapshot;
    if (this.pending) return this.pending;
    const generation = this.generation;
    this.pending = this.build()
      .then((snapshot) => {
        // A write during the build may not be in it: keep the result for this caller only.
        if (generation === this.generation) this.current = { snapshot, expires: this.now() + this.ttlMs };
        return snapshot;
      })
      .finally(() => {
        this.pending = null;
      });
    return this.pending;
  }

  invalidate(): void {
    this.generation++;
    this.current = null;
    this.pending = null;
  }
}
