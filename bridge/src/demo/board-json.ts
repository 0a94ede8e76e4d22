import type { SandboxInfo } from './board-text.js';
import type { DemoBoard } from './demo-board.js';

/** The board for `--json`: the same content, instants as ISO 8601 UTC strings. */
export function boardJson(board: DemoBoard, info: SandboxInfo): unknown {
  const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
  return {
    sandbox: {
      note: 'the built-in sandbox: a fake SuiteCRM (the V8 stand-in) in a separate process; no real SuiteCRM was contacted',
      standInPid: info.standInPid,
      standInUrl: info.standInUrl,
      keptRunning: info.kept,
      ignoredSettings: info.ignoredSettings,
      connect:
        'README.md "Configuration": set SUITECRM_URL, SUITECRM_CLIENT_ID, SUITECRM_CLIENT_SECRET, then sla-bridge migrate, sla-bridge doctor, sla-bridge run',
    },
    zone: board.zone,
    walk: {
      from: iso(board.walkFrom),
      to: iso(board.walkTo),
      ticks: board.ticks,
      saves: board.saves,
      realMs: Math.round(info.realMs),
    },
    cases: board.cases.map((c) => ({
      ...c,
      response: { ...c.response, due: iso(c.response.due), acknowledgedAt: iso(c.response.acknowledgedAt) },
      resolution: { ...c.resolution, due: iso(c.resolution.due) },
    })),
    accounts: board.accounts,
    events: board.events.map((event) => ({ ...event, at: iso(event.at) })),
    eventsFrom: iso(board.eventsFrom),
    earlierEvents: board.earlierEvents,
    api: board.api,
  };
}
