/**
 * The data contract between the SuiteCRM package and the bridge: the field catalogue, the typed
 * attribute codecs generated from it, and the case change log. Import from here.
 */
export * from './attribute-codec.js';
export * from './attribute-problem.js';
export * from './attribute-write.js';
export * from './catalogue.js';
export * from './catalogue-schema.js';
export * from './change-log.js';
export * from './change-log-entry.js';
export * from './change-marker.js';
export * from './generated/accounts.generated.js';
export * from './generated/cases.generated.js';
export * from './generated/enums.generated.js';
export * from './generated/modules.generated.js';
export * from './generated/time-entries.generated.js';
export * from './module-codec.js';
export * from './package-stamp.js';
