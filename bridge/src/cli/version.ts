import { createRequire } from 'node:module';

// package.json sits at the project root, two levels above both bridge/src/cli and build/bridge/src/cli's parent.
const require = createRequire(import.meta.url);
function findVersion(): string {
  for (const candidate of ['../../../package.json', '../../../../package.json']) {
    try {
      const pkg = require(candidate) as { name?: string; version?: string };
      if (pkg.name === 'suitecrm-sla-bridge' && pkg.version) return pkg.version;
    } catch {
      // try the next location
    }
  }
  return '0.0.0';
}
export const VERSION = findVersion();
