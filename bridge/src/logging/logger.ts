import winston from 'winston';
import { redact, redactText } from './redact.js';

/**
 * Logs always go to stderr: stdout belongs to each command's data output (JSON lines,
 * tables), which scripts parse. JSON lines by default; readable lines on a terminal.
 */
export type LogFormat = 'json' | 'pretty' | 'auto';
export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'silent';

export interface LoggingOptions {
  level: LogLevel;
  format: LogFormat;
}

const redactFormat = winston.format((info) => {
  const cleaned = redact({ ...info }) as Record<string, unknown>;
  for (const key of Object.keys(cleaned)) (info as Record<string, unknown>)[key] = cleaned[key];
  if (typeof info.message === 'string') info.message = redactText(info.message);
  return info;
});

const pretty = winston.format.printf((info) => {
  const { level, message, timestamp, component, ...rest } = info as Record<string, unknown>;
  const extra = Object.entries(rest)
    .filter(([key]) => typeof key === 'string')
    .map(([key, val]) => `${key}=${typeof val === 'string' ? val : JSON.stringify(val)}`)
    .join(' ');
  return `${String(timestamp)} ${String(level).padEnd(5)} [${String(component ?? 'bridge')}] ${String(message)}${extra ? ` ${extra}` : ''}`;
});

const root = winston.createLogger({
  level: 'info',
  transports: [
    new winston.transports.Console({
      // Every level to stderr.
      stderrLevels: ['error', 'warn', 'info', 'http', 'verbose', 'debug', 'silly'],
    }),
  ],
});

export function configureLogging(options: LoggingOptions): void {
  const useJson = options.format === 'json' || (options.format === 'auto' && !process.stderr.isTTY);
  root.silent = options.level === 'silent';
  root.level = options.level === 'silent' ? 'error' : options.level;
  root.format = winston.format.combine(
    redactFormat(),
    winston.format.timestamp(),
    useJson ? winston.format.json() : winston.format.combine(winston.format.colorize(), pretty),
  );
}

configureLogging({ level: 'info', format: 'auto' });

export type Logger = winston.Logger;

export function logger(component: string): Logger {
  return root.child({ component });
}
