import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import {
  addBusinessMinutes,
  builtInHolidays,
  businessMinutesBetween,
  compileCalendar,
  nonWorkingDays,
  parseCalendar,
} from '../../bridge/src/domain/calendar/index.js';
import { MinuteOracle } from '../../test/support/business-time-oracle.js';
import { fmt, prng, rate, timeOnce } from './measure.js';

/**
 * The business-time engine side by side with moment-business-time (the common day-stepping
 * library) and with the minute-stepping oracle of the tests, on the same inputs: London
 * business hours, spans from 1 business hour to 10 business weeks, starts in 2024-2026.
 */
const LONDON = {
  timeZone: 'Europe/London',
  workingDays: [1, 2, 3, 4, 5],
  hours: [['09:00', '17:30']],
  holidays: 'england-and-wales',
};
const ROOT = join(import.meta.dirname, '..', '..');

function inputs(count: number, seed: number) {
  const random = prng(seed);
  const from = Date.UTC(2024, 0, 1) / 60_000;
  const to = Date.UTC(2026, 11, 1) / 60_000;
  const starts = new Float64Array(count);
  const spans = new Int32Array(count);
  for (let i = 0; i < count; i++) {
    starts[i] = Math.floor(from + random() * (to - from)) * 60_000;
    // log-uniform between 60 (1 business hour) and 25,500 (10 business weeks of 8.5 h days)
    spans[i] = Math.round(Math.exp(Math.log(60) + random() * (Math.log(25_500) - Math.log(60))));
  }
  return { starts, spans };
}

export interface CalendarBenchResult {
  addOpsPerSecond: number;
  betweenOpsPerSecond: number;
  firstCallColdMs: number;
  firstCallWarmMs: number;
  momentOpsPerSecond: number;
  momentAgreement: string;
  oracleOpsPerSecond: number;
  evalMicrosPerLine: number;
  evalLines: number;
}

export function benchCalendar(log: (line: string) => void): CalendarBenchResult {
  // First call on a new calendar: compile + build the first year's table + one add.
  const cold = timeOnce(() => addBusinessMinutes(Date.UTC(2025, 5, 2, 8), 60, compileCalendar(LONDON)));
  const warmTimes: number[] = [];
  for (let k = 0; k < 20; k++) {
    const fresh = { ...LONDON, hours: [['09:00', `17:${String(10 + k).padStart(2, '0')}`]] };
    warmTimes.push(
      timeOnce(() => addBusinessMinutes(Date.UTC(2025, 5, 2, 8), 60, compileCalendar(fresh))).ms,
    );
  }
  warmTimes.sort((a, b) => a - b);
  const firstCallWarmMs = warmTimes[Math.floor(warmTimes.length / 2)] as number;

  const calendar = compileCalendar(LONDON);
  const { starts, spans } = inputs(65_536, 7);
  const mask = 65_535;
  for (let i = 0; i <= mask; i++) addBusinessMinutes(starts[i] as number, spans[i] as number, calendar); // build every table used
  const add = rate(
    (i) => addBusinessMinutes(starts[i & mask] as number, spans[i & mask] as number, calendar),
    { minMs: 1500 },
  );
  const ends = new Float64Array(65_536);
  for (let i = 0; i <= mask; i++) ends[i] = (starts[i] as number) + (spans[i] as number) * 200_000;
  const between = rate(
    (i) => businessMinutesBetween(starts[i & mask] as number, ends[i & mask] as number, calendar),
    {
      minMs: 1500,
    },
  );

  // moment-business-time, configured with the same hours and the same holiday list.
  const require = createRequire(import.meta.url);
  const moment = require('moment-timezone') as typeof import('moment-timezone');
  require('moment-business-time');
  const holidays: string[] = [];
  for (let year = 2024; year <= 2027; year++)
    for (const day of nonWorkingDays(year, calendar)) holidays.push(day.date);
  const hours = ['09:00:00', '17:30:00'];
  moment.updateLocale('en', {
    workinghours: { 0: null, 1: hours, 2: hours, 3: hours, 4: hours, 5: hours, 6: null },
    holidays,
  } as unknown as moment.LocaleSpecification);
  const momentCount = 400;
  let agree = 0;
  const momentRun = timeOnce(() => {
    for (let i = 0; i < momentCount; i++) {
      const due = (
        moment.tz(starts[i] as number, 'Europe/London') as unknown as {
          addWorkingTime(n: number, unit: string): moment.Moment;
        }
      )
        .addWorkingTime(spans[i] as number, 'minutes')
        .valueOf();
      if (due === addBusinessMinutes(starts[i] as number, spans[i] as number, calendar)) agree++;
    }
  });
  const ours = timeOnce(() => {
    for (let i = 0; i < momentCount; i++)
      addBusinessMinutes(starts[i] as number, spans[i] as number, calendar);
  });
  const momentOpsPerSecond = momentCount / ((momentRun.ms - ours.ms) / 1000);

  // The minute-stepping oracle (tests' reference): slow by design, so a few inputs only.
  const oracle = new MinuteOracle(parseCalendar(LONDON), builtInHolidays());
  const oracleCount = 12;
  const oracleRun = timeOnce(() => {
    for (let i = 0; i < oracleCount; i++) oracle.add((starts[i] as number) / 60_000, spans[i] as number);
  });
  const oracleOpsPerSecond = oracleCount / (oracleRun.ms / 1000);

  // `sla-bridge calendar eval` on 200,000 lines with the calendar inline, against 1 line (process start-up).
  const evalLines = 200_000;
  const lines: string[] = [];
  for (let i = 0; i < evalLines; i++) {
    lines.push(
      JSON.stringify({
        op: i % 2 === 0 ? 'add' : 'between',
        calendar: LONDON,
        ...(i % 2 === 0
          ? { start: new Date(starts[i & mask] as number).toISOString(), minutes: spans[i & mask] }
          : {
              from: new Date(starts[i & mask] as number).toISOString(),
              to: new Date(ends[i & mask] as number).toISOString(),
            }),
      }),
    );
  }
  const bin = join(ROOT, 'bridge', 'bin', 'sla-bridge.js');
  const runEval = (input: string) => {
    const run = timeOnce(() =>
      spawnSync(process.execPath, [bin, 'calendar', 'eval'], { input, maxBuffer: 1 << 30 }),
    );
    if (run.value.status !== 0) throw new Error(`calendar eval failed: ${run.value.stderr}`);
    return run.ms;
  };
  const startup = Math.min(runEval(`${lines[0]}\n`), runEval(`${lines[0]}\n`));
  const full = runEval(`${lines.join('\n')}\n`);
  const evalMicrosPerLine = ((full - startup) * 1000) / evalLines;

  log(
    'Business-time engine (London 09:00-17:30, England & Wales; spans 1 business hour to 10 business weeks)',
  );
  log(`  add                      ${fmt(add.opsPerSecond)} ops/s (${fmt(add.nsPerOp)} ns/op)`);
  log(`  between                  ${fmt(between.opsPerSecond)} ops/s (${fmt(between.nsPerOp)} ns/op)`);
  log(`  first call, new process  ${fmt(cold.ms, 1)} ms (compile + first year table + one add)`);
  log(`  first call, new calendar ${fmt(firstCallWarmMs, 1)} ms (median of 20, same process)`);
  log(
    `  moment-business-time     ${fmt(momentOpsPerSecond)} ops/s (${fmt(1000 / momentOpsPerSecond, 2)} ms/op); engine is ${fmt(add.opsPerSecond / momentOpsPerSecond)}x faster; same answer on ${agree}/${momentCount}`,
  );
  log(
    `  minute-stepping oracle   ${fmt(oracleOpsPerSecond, 1)} ops/s; engine is ${fmt(add.opsPerSecond / oracleOpsPerSecond)}x faster`,
  );
  log(
    `  calendar eval            ${fmt(evalMicrosPerLine, 2)} µs/line over ${fmt(evalLines)} lines (total ${fmt(full)} ms, of which process start ${fmt(startup)} ms)`,
  );
  return {
    addOpsPerSecond: add.opsPerSecond,
    betweenOpsPerSecond: between.opsPerSecond,
    firstCallColdMs: cold.ms,
    firstCallWarmMs,
    momentOpsPerSecond,
    momentAgreement: `${agree}/${momentCount}`,
    oracleOpsPerSecond,
    evalMicrosPerLine,
    evalLines,
  };
}
