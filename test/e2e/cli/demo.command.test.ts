import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline';
import { DateTime } from 'luxon';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type CliResult, ROOT, runCli } from '../../support/run-cli.js';

/**
 * `sla-bridge demo`, what `npm start` runs on a fresh clone: the built CLI with an empty
 * environment, its board checked against the outcomes the sample week must produce, and the
 * sandbox's process gone afterwards.
 */
const DEMO_TIMEOUT = 120_000;

/** The lines of one group of the board ("Breached (1)"): its table header and rows, up to the blank line. */
function group(stdout: string, heading: string): string[] {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => line.startsWith(`${heading} (`));
  if (start < 0) return [];
  const end = lines.findIndex((line, i) => i > start && line.trim() === '');
  return lines.slice(start + 1, end < 0 ? undefined : end);
}

/** A case's row and the note lines under it. */
function caseRow(stdout: string, heading: string, subject: string): string {
  const lines = group(stdout, heading);
  const index = lines.findIndex((line) => line.includes(subject));
  if (index < 0) return '';
  const notes = [];
  for (const line of lines.slice(index + 1)) {
    if (!line.startsWith('        ')) break;
    notes.push(line.trim());
  }
  return [lines[index], ...notes].join('\n');
}

function standInPid(stdout: string): number {
  const pid = /\(pid (\d+), http:\/\/127\.0\.0\.1:\d+\)/.exec(stdout)?.[1];
  expect(pid, 'the board names the stand-in process').toBeDefined();
  return Number(pid);
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

describe('sla-bridge demo on a fresh clone (empty environment)', () => {
  let result: CliResult;
  beforeAll(async () => {
    result = await runCli(['demo'], { env: {} });
  }, DEMO_TIMEOUT);

  it('exits 0 with a clean board on stdout and nothing on stderr', () => {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
  });

  it('says at the top and at the bottom that this is the built-in sandbox, and how to connect a real SuiteCRM', () => {
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines[0]).toBe('SLA bridge demo: the built-in sandbox');
    expect(lines.slice(0, 8).join(' ')).toMatch(
      /fake SuiteCRM \(the V8 stand-in\) ran in a separate process/,
    );
    expect(lines.slice(0, 8).join(' ')).toContain('No real SuiteCRM is contacted');
    const bottom = lines.slice(-7).join('\n');
    expect(bottom).toContain('That was the built-in sandbox');
    expect(bottom).toContain('"Configuration" in README.md');
    for (const word of ['SUITECRM_URL', 'SUITECRM_CLIENT_ID', 'SUITECRM_CLIENT_SECRET'])
      expect(bottom).toContain(word);
    for (const command of ['sla-bridge migrate', 'sla-bridge doctor', 'sla-bridge run'])
      expect(bottom).toContain(`\`${command}\``);
  });

  it('prints the board in its sections, in order', () => {
    const at = (heading: string) => result.stdout.indexOf(heading);
    const sections = [
      'CASES BY RESPONSE STATUS (Europe/London time)',
      'ACCOUNTS BY CONTRACT STATE',
      "EVENTS OF THE RUN (the bridge's ledger from Mon 1 Jun 2026, in time order)",
      'WHAT IT TOOK',
    ];
    for (const heading of sections) expect(at(heading), heading).toBeGreaterThan(0);
    expect(sections.map(at)).toEqual([...sections.map(at)].sort((a, b) => a - b));
  });

  it('shows the forgotten case at risk on Monday evening, then breached at its due time', () => {
    const row = caseRow(result.stdout, 'Breached', 'Report export times out');
    expect(row).toMatch(/#8 +Report export times out +Essential +2\/2 +New +Tue 2 Jun 11:00 +-/);
    expect(result.stdout).toMatch(/Mon 1 Jun 17:23 +#8 Report export times out +response at risk/);
    expect(result.stdout).toMatch(/Tue 2 Jun 11:01 +#8 Report export times out +response breached/);
  });

  it('counts the weekend for the 24/7 Severity 1 phoned in on Saturday, not for the business-hours plans', () => {
    // Reported Sat 02:40 on Enterprise 24/7: due an hour later, on the Saturday itself.
    expect(caseRow(result.stdout, 'Met', 'Warehouse scanners cannot post orders')).toMatch(
      /#13 +Warehouse scanners cannot post orders +Enterprise 24\/7 +1\/1 +Closed +Sat 6 Jun 03:40 +Sat 6 Jun 03:31/,
    );
    expect(result.stdout).toMatch(
      /Sat 6 Jun 03:25 +#13 Warehouse scanners cannot post orde… +response at risk/,
    );
    // Reported Fri 16:45 on Professional (4 business hours): 45 minutes on Friday, the rest on Monday.
    expect(caseRow(result.stdout, 'At risk', 'Scheduled reports arrive empty')).toMatch(
      /#12 +Scheduled reports arrive empty +Professional +2\/2 +New +Mon 8 Jun 12:15 +-/,
    );
  });

  it('caps severities with the reason, and keeps uncovered cases off the clock', () => {
    const lab = caseRow(result.stdout, 'Met', 'Workflow emails not sent on test system');
    expect(lab).toMatch(/#5 .* 1\/2 +Closed +Mon 1 Jun 13:10 +Mon 1 Jun 11:05/);
    expect(lab).toContain('capped to 2');
    expect(lab).toContain('environment: lab');
    const customer = caseRow(result.stdout, 'Met', 'Custom module crashes on save');
    expect(customer).toMatch(/#10 .* 2\/3 +Assigned +Tue 2 Jun 13:30 +Mon 1 Jun 15:10/);
    expect(customer).toContain('capped to 3');
    expect(caseRow(result.stdout, 'Not covered', 'How do I add a dashlet?')).toContain(
      'not covered: free support',
    );
    expect(caseRow(result.stdout, 'Not covered', 'Bulk delete removed live records')).toContain(
      'not a reportable incident',
    );
  });

  it('shows the withdrawn case withdrawn, and the paused case with its time waiting on the customer', () => {
    expect(caseRow(result.stdout, 'Withdrawn', 'Cannot log in')).toMatch(
      /#9 +Cannot log in .* Duplicate +- +-/,
    );
    expect(caseRow(result.stdout, 'Met', 'Duplicate contacts after import')).toContain(
      'resolution met; 420 business minutes waiting on the customer',
    );
    expect(result.stdout).toMatch(/Mon 1 Jun 11:30 +#6 Duplicate contacts after import +resolution paused/);
    expect(result.stdout).toMatch(/Tue 2 Jun 10:00 +#6 Duplicate contacts after import +resolution resumed/);
  });

  it('counts support and consulting hours but never development', () => {
    // 28.50 h earlier in the term + 3.50 h support this week = 32 of 40 (warning); 6 h development apart.
    const [mossley] = group(result.stdout, 'Active').filter((line) =>
      line.includes('Mossley Garden Centres'),
    );
    expect(mossley).toMatch(
      /Mossley Garden Centres +Essential +2025-10-05 to 2026-10-04 +2026-10-05 +32\.00 +8\.00 +warning +6\.00$/,
    );
    expect(result.stdout).toMatch(
      /Tue 2 Jun 00:00 +Mossley Garden Centres +hours warning +term 1: 32 hours used of 40/,
    );
  });

  it('shows every contract state the week produced: lapsed, ended early, renewal due, free', () => {
    expect(group(result.stdout, 'Lapsed').join('\n')).toMatch(
      /Oakham Print Works +Essential +2025-06-06 to 2026-06-05 +-/,
    );
    expect(group(result.stdout, 'Ended early').join('\n')).toMatch(
      /Fenwick & Rowe Solicitors +Professional +2026-03-02 to 2026-06-01 +-/,
    );
    expect(group(result.stdout, 'Renewal due').join('\n')).toMatch(
      /Calder Valley Foods +Professional .* 2026-07-03/,
    );
    expect(group(result.stdout, 'Free').join('\n')).toContain('Penrose Community Trust');
    expect(result.stdout).toMatch(/Sat 6 Jun 00:00 +Oakham Print Works +lapsed +cancelled on 2026-01-20/);
    expect(result.stdout).toMatch(/Tue 2 Jun 00:00 +Fenwick & Rowe Solicitors +ended early/);
    expect(result.stdout).toMatch(
      /Wed 3 Jun 00:00 +Calder Valley Foods +renewal due +renews on 2026-07-03 \(30 days/,
    );
  });

  it('lists the events in time order', () => {
    const lines = result.stdout.split('\n');
    const start = lines.findIndex((line) => line.startsWith('EVENTS OF THE RUN'));
    const times = lines
      .slice(start)
      .map((line) => /^ {2}(\w{3} \d{1,2} \w{3} \d{2}:\d{2}) /.exec(line)?.[1])
      .filter((text): text is string => text !== undefined)
      .map((text) =>
        DateTime.fromFormat(`${text} 2026`, 'ccc d LLL HH:mm yyyy', { locale: 'en-GB' }).toMillis(),
      );
    expect(times.length).toBeGreaterThan(30);
    expect(times.every((time) => Number.isFinite(time))).toBe(true);
    expect(times).toEqual([...times].sort((a, b) => a - b));
  });

  it('says what the run took in API requests and writes', () => {
    const match =
      /The bridge made (\d+) V8 API requests: (\d+) list reads, (\d+) single-record reads, (\d+) writes/.exec(
        result.stdout,
      );
    expect(match).not.toBeNull();
    const [requests, lists, , writes] = (match ?? []).slice(1).map(Number) as [
      number,
      number,
      number,
      number,
    ];
    expect(lists).toBeGreaterThanOrEqual(3 * 100); // at least one list read per module per tick
    expect(writes).toBeGreaterThan(0);
    expect(requests).toBeGreaterThan(lists + writes);
    expect(result.stdout).toMatch(/(\d+) daemon ticks over 7 virtual days/);
  });

  it('leaves no stand-in process running', () => {
    expect(isRunning(standInPid(result.stdout))).toBe(false);
  });
});

describe('sla-bridge demo with SuiteCRM settings in the environment', () => {
  let trap: Server;
  let trapped = 0;
  const dir = mkdtempSync(join(tmpdir(), 'bridge-demo-env-'));
  beforeAll(async () => {
    trap = createServer((_request, response) => {
      trapped++;
      response.writeHead(500).end();
    });
    await new Promise<void>((resolve) => trap.listen(0, '127.0.0.1', resolve));
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => trap.close(() => resolve()));
    rmSync(dir, { recursive: true, force: true });
  });

  it(
    'never contacts that SuiteCRM nor opens the configured store, and --json prints the board as JSON',
    async () => {
      const storeFile = join(dir, 'configured.sqlite');
      const result = await runCli(['demo', '--json'], {
        env: {
          SUITECRM_URL: `http://127.0.0.1:${(trap.address() as AddressInfo).port}`,
          SUITECRM_CLIENT_ID: 'real-client',
          SUITECRM_CLIENT_SECRET: 'real-secret',
          BRIDGE_STORE_URL: storeFile,
        },
      });
      expect(result.stderr).toBe('');
      expect(result.status).toBe(0);
      expect(trapped).toBe(0);
      expect(existsSync(storeFile)).toBe(false);
      const board = JSON.parse(result.stdout);
      expect(board.sandbox.ignoredSettings).toEqual([
        'SUITECRM_URL',
        'SUITECRM_CLIENT_ID',
        'SUITECRM_CLIENT_SECRET',
        'BRIDGE_STORE_URL',
      ]);
      expect(board.sandbox.note).toContain('built-in sandbox');
      const bySubject = (subject: string) =>
        board.cases.find((c: { subject: string }) => c.subject === subject) as Record<string, never>;
      expect(bySubject('Report export times out')).toMatchObject({
        number: 8,
        plan: 'Essential',
        status: 'Open_New',
        response: { status: 'breached', due: '2026-06-02T10:00:00.000Z', acknowledgedAt: null },
      });
      expect(bySubject('Warehouse scanners cannot post orders')).toMatchObject({
        severity: { reported: '1', effective: '1' },
        response: {
          status: 'met',
          due: '2026-06-06T02:40:00.000Z',
          acknowledgedAt: '2026-06-06T02:31:00.000Z',
        },
        resolution: { status: 'met' },
      });
      expect(bySubject('Cannot log in')).toMatchObject({
        coverage: 'withdrawn',
        response: { status: 'withdrawn' },
      });
      const mossley = board.accounts.find((a: { name: string }) => a.name === 'Mossley Garden Centres');
      expect(mossley).toMatchObject({
        hoursUsed: 32,
        hoursRemaining: 8,
        hoursState: 'warning',
        hoursNotCounted: 6,
      });
      expect(board.events.map((e: { at: string }) => e.at)).toEqual(
        [...board.events.map((e: { at: string }) => e.at)].sort(),
      );
      expect(isRunning(board.sandbox.standInPid)).toBe(false);
    },
    DEMO_TIMEOUT,
  );
});

describe('sla-bridge demo --keep-running', () => {
  let child: ChildProcess | undefined;
  // Should the test fail or time out, the demo is still asked to stop cleanly (SIGINT removes
  // its temp folder and stops its stand-in), so nothing outlives the test run.
  afterAll(() => {
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGINT');
  });

  it(
    'keeps the sandbox and the daemon running until Ctrl-C, then stops cleanly (exit 0)',
    async () => {
      const demo = spawn(
        process.execPath,
        [join(ROOT, 'bridge', 'bin', 'sla-bridge.js'), 'demo', '--keep-running'],
        {
          cwd: ROOT,
          env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      child = demo;
      const stderr: string[] = [];
      demo.stderr.setEncoding('utf8').on('data', (chunk: string) => stderr.push(chunk));
      // 'close': the process has exited and its output has all been read.
      const exited = new Promise<number | null>((resolve) => demo.once('close', (code) => resolve(code)));
      try {
        const lines: string[] = [];
        const reader = createInterface({ input: demo.stdout });
        reader.on('line', (line) => lines.push(line));
        // The notice ends with how to stop it: by then the daemon runs in real time.
        await new Promise<void>((resolve, reject) => {
          reader.on('line', (line) => {
            if (line.includes('Press Ctrl-C')) resolve();
          });
          void exited.then((code) => reject(new Error(`demo exited (${code}) first: ${stderr.join('')}`)));
        });
        const url = /Sandbox SuiteCRM: (http:\/\/127\.0\.0\.1:\d+)/.exec(lines.join('\n'))?.[1] as string;
        const storePath = /Bridge store: +(\S+)/.exec(lines.join('\n'))?.[1] as string;
        expect(existsSync(storePath)).toBe(true);
        const pid = standInPid(lines.join('\n'));
        // The sandbox answers while it is kept running, and its clock runs on from the end of the
        // walk (Mon 8 Jun 11:30 London); frozen, it would still read exactly that.
        const state = (await (await fetch(`${url}/__standin/state`)).json()) as { nowMs: number };
        expect(state.nowMs).toBeGreaterThan(Date.parse('2026-06-08T10:30:00Z'));
        expect(isRunning(pid)).toBe(true);

        demo.kill('SIGINT');
        expect(await exited).toBe(0);
        expect(lines.join('\n')).toContain('Stopped: the sandbox SuiteCRM has stopped');
        expect(isRunning(pid)).toBe(false);
        expect(existsSync(dirname(storePath))).toBe(false);
        expect(stderr.join('')).toBe('');
      } finally {
        if (demo.exitCode === null && demo.signalCode === null) demo.kill('SIGINT');
      }
    },
    DEMO_TIMEOUT,
  );
});
