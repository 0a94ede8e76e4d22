import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogueHash } from '../../../bridge/src/catalogue/index.js';
import { defaultPolicy } from '../../../bridge/src/domain/index.js';
import {
  DEFAULT_CLIENTS,
  type StandIn,
  type StandInOptions,
  startStandIn,
} from '../../../bridge/src/standin/index.js';
import { MIGRATIONS, openStore } from '../../../bridge/src/store/index.js';
import { type CliResult, runCli } from '../../support/run-cli.js';

/**
 * What the `sla-bridge doctor` end-to-end files share: the credentials (right and wrong), a
 * migrated SQLite store, stand-ins with the package and four accounts whose plans we know, and
 * the built CLI run against them. Every output is kept for the file's secret-leak check.
 */
export const CC_ID = '3f1c2a8e-7b64-4c1d-9a55-cc0000000001';
export const CC_SECRET = 'lab-cc-secret-0001';
export const PW_CLIENT = '3f1c2a8e-7b64-4c1d-9a55-cc0000000002';
export const PW_SECRET = 'lab-pw-secret-0001';
export const WRONG_SECRET = 'Wr0ng-Secret-4f9d1c';
export const WRONG_PASSWORD = 'Wr0ng-Passw0rd-77ab';
export const STORE_PASSWORD = 'St0re-Passw0rd-19cd';
export const CLIENT_WITHOUT_USER = {
  id: '3f1c2a8e-7b64-4c1d-9a55-cc0000000009',
  secret: 'no-user-secret-0009',
};

export const SECRETS = [
  CC_SECRET,
  PW_SECRET,
  WRONG_SECRET,
  WRONG_PASSWORD,
  STORE_PASSWORD,
  CLIENT_WITHOUT_USER.secret,
];

export interface DoctorWorld {
  dir: string;
  storeFile: string;
  /** The store's tracking start, set once the file's beforeAll has migrated it. */
  trackingDate: string;
  /** Every doctor output of the file, for its secret-leak check. */
  outputs: CliResult[];
  standInWith(options?: StandInOptions): Promise<StandIn>;
  envFor(standIn: StandIn | string, extra?: Record<string, string>): Record<string, string>;
  doctor(env: Record<string, string>, args?: string[]): Promise<CliResult>;
}

/** The world of one test file: its hooks migrate the store first and close the stand-ins last. */
export function doctorWorld(): DoctorWorld {
  const dir = mkdtempSync(join(tmpdir(), 'bridge-doctor-'));
  const storeFile = join(dir, 'store', 'bridge.sqlite');
  const standIns: StandIn[] = [];
  const world: DoctorWorld = {
    dir,
    storeFile,
    trackingDate: '',
    outputs: [],
    standInWith,
    envFor,
    doctor,
  };

  beforeAll(async () => {
    const store = await openStore(storeFile, { create: true });
    try {
      await store.migrate();
      const { trackingStart } = await store.writeUnfenced((repositories) =>
        repositories.trackingStart.initialise(Date.now(), 'migrate'),
      );
      world.trackingDate = trackingStart.date;
    } finally {
      await store.close();
    }
  });

  afterAll(async () => {
    for (const standIn of standIns) await standIn.close();
    rmSync(dir, { recursive: true, force: true });
  });

  /** A stand-in with the package and four accounts whose plans we know. */
  async function standInWith(options: StandInOptions = {}): Promise<StandIn> {
    const standIn = await startStandIn({
      scale: false,
      clients: [
        ...DEFAULT_CLIENTS,
        { ...CLIENT_WITHOUT_USER, grantType: 'client_credentials', assignedUserId: null },
      ],
      ...options,
    });
    standIns.push(standIn);
    if (options.withPackage !== false) {
      for (const plan of ['essential', 'essential', 'free', '']) {
        standIn.control.staffCreate('Accounts', {
          name: `Account on ${plan || 'no plan'}`,
          sla_plan_c: plan,
        });
      }
    }
    return standIn;
  }

  function envFor(standIn: StandIn | string, extra: Record<string, string> = {}): Record<string, string> {
    return {
      SUITECRM_URL: typeof standIn === 'string' ? standIn : standIn.url,
      SUITECRM_CLIENT_ID: CC_ID,
      SUITECRM_CLIENT_SECRET: CC_SECRET,
      BRIDGE_STORE_URL: storeFile,
      ...extra,
    };
  }

  async function doctor(env: Record<string, string>, args: string[] = []): Promise<CliResult> {
    const result = await runCli(['doctor', ...args], { env });
    world.outputs.push(result);
    return result;
  }
  return world;
}

/** The file's last test: no secret in any of its doctor outputs (stdout, stderr, text and JSON). */
export function describeNoSecretPrinted(world: DoctorWorld, runs: number): void {
  describe('sla-bridge doctor never prints a secret', () => {
    it('no secret appears in any output above (stdout, stderr, text and JSON)', () => {
      expect(world.outputs.length).toBeGreaterThanOrEqual(runs);
      for (const result of world.outputs) {
        for (const secret of SECRETS) {
          expect(result.stdout).not.toContain(secret);
          expect(result.stderr).not.toContain(secret);
        }
      }
    });
  });
}

/** The line of one check (`pass  token          ...`). */
export function lineOf(result: CliResult, id: string): string {
  const line = result.stdout.split('\n').find((candidate) => candidate.slice(6).split(' ')[0] === id);
  if (line === undefined) throw new Error(`no ${id} line in:\n${result.stdout}\n${result.stderr}`);
  return line;
}

export const pad = (id: string) => id.padEnd(13);
export const SEVEN = 'SuiteCRM 7 (the API answers at /Api), version unknown: the V8 API does not expose it';
export const EIGHT =
  'SuiteCRM 8 (the API answers at /legacy/Api), version unknown: the V8 API does not expose it';
export const hash12 = catalogueHash().slice(0, 12);
export const policyVersion = defaultPolicy().version;
export const migrations = `${MIGRATIONS.length} migration${MIGRATIONS.length === 1 ? '' : 's'}`;
export const FIELDS_FIX =
  "install the package zip that ships with this bridge with Admin → Module Loader, then run Admin → Repair → Quick Repair and Rebuild (do not change or delete the package's fields in Studio)";
export const SKIPPED_AFTER_TOKEN = [
  'timezone',
  'package',
  'plan-list',
  'fields',
  'account-plans',
  'clock',
  'aod',
];

export async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
