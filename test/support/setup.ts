import { configureLogging } from '../../bridge/src/logging/logger.js';

// Tests are silent unless LOG_LEVEL asks otherwise.
configureLogging({
  level: (process.env.TEST_LOG_LEVEL as 'debug' | undefined) ?? 'silent',
  format: 'pretty',
});
