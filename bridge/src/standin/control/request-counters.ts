/**
 * Requests the stand-in answered, counted by `METHOD route` and `METHOD route Module` (e.g.
 * `GET list Accounts`), so a test or a benchmark can assert "at most one list call per module".
 */
export interface CounterSnapshot {
  total: number;
  byRoute: Record<string, number>;
  /** Access tokens issued (each is a row in SuiteCRM's oauth2tokens table). */
  tokensIssued: number;
}

export class RequestCounters {
  private total = 0;
  private readonly byRoute = new Map<string, number>();

  record(method: string, route: string, module: string | undefined): void {
    this.total++;
    this.bump(`${method} ${route}`);
    if (module) this.bump(`${method} ${route} ${module}`);
  }

  private bump(key: string): void {
    this.byRoute.set(key, (this.byRoute.get(key) ?? 0) + 1);
  }

  count(key: string): number {
    return this.byRoute.get(key) ?? 0;
  }

  snapshot(tokensIssued: number): CounterSnapshot {
    return { total: this.total, byRoute: Object.fromEntries(this.byRoute), tokensIssued };
  }

  reset(): void {
    this.total = 0;
    this.byRoute.clear();
  }
}
