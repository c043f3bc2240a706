import type { CatalogSnapshot } from './catalog-snapshot.js';

/**
 * Holds the catalog snapshot and rebuilds it in the background once it is older than `ttlMs`
 * (stale-while-revalidate: readers never wait for a rebuild, except the very first). A write in this
 * process calls `refresh()`, which waits for a snapshot that includes it; other processes pick the
 * change up within the TTL.
 */
export class CatalogCache {
  private current: { snapshot: CatalogSnapshot; builtAt: number } | null = null;
  private pending: Promise<CatalogSnapshot> | null = null;
  private followUp: Promise<CatalogSnapshot> | null = null;
  private generation = 0;

  constructor(
    private readonly build: () => Promise<CatalogSnapshot>,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly onError: (err: unknown) => void = () => undefined,
  ) {}

  private rebuild(): Promise<CatalogSnapshot> {
    const generation = ++this.generation;
    const started = this.now();
    const pending = this.build().then((snapshot) => {
      // An older build finishing after a newer one started must not replace it.
      if (generation === this.generation) this.current = { snapshot, builtAt: started };
      return snapshot;
    });
    this.pending = pending;
    void pending
      .catch(() => undefined)
      .finally(() => {
        if (this.pending === pending) this.pending = null;
      });
    return pending;
  }

  async get(): Promise<CatalogSnapshot> {
    if (!this.current) return this.pending ?? this.rebuild();
    if (this.now() - this.current.builtAt >= this.ttlMs && !this.pending) {
      this.rebuild().catch(this.onError);
    }
    return this.current.snapshot;
  }

  /**
   * A snapshot whose build starts after this call (so it sees a write committed before it). Writes
   * arriving while a build runs share one follow-up build instead of one build each.
   */
  refresh(): Promise<CatalogSnapshot> {
    if (!this.pending) return this.rebuild();
    if (!this.followUp) {
      this.followUp = this.pending
        .catch(() => undefined)
        .then(() => {
          this.followUp = null;
          return this.rebuild();
        });
    }
    return this.followUp;
  }
}
