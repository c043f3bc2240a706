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
    /** Whether the data behind the current snapshot is unchanged: then an expired one is kept. */
    private readonly unchanged: () => Promise<boolean> = async () => false,
  ) {}

  /**
   * An expired snapshot is rebuilt only if its data changed: building one blocks the event loop for
   * tens of milliseconds at region scale, which a quiet catalog need not pay every TTL.
   */
  private revalidate(): Promise<CatalogSnapshot> {
    const current = this.current!;
    const checked = this.now();
    const pending = this.unchanged().then(async (same) => {
      if (!same) return this.rebuild();
      if (this.current === current) this.current = { snapshot: current.snapshot, builtAt: checked };
      return current.snapshot;
    });
    this.pending = pending;
    void pending
      .catch(() => undefined)
      .finally(() => {
        if (this.pending === pending) this.pending = null;
      });
    return pending;
  }

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
      this.revalidate().catch(this.onError);
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
