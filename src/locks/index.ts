/** The lock doctor: read who blocks whom, render it, end sessions named explicitly. */
export { readLockReport, blockersFor, blockingForest, blockedBelow, oneLine, QUERY_TEXT_LIMIT, type Blocker } from './report.js';
export { terminate, ownPid, validatePids, type SignalMode, type SignalOptions, type SignalOutcome, type SignalResult } from './terminate.js';
export { renderLockReportText, renderLockReportJson, renderSignalResults, renderBlockingTree, sessionLine, formatAge } from './render.js';
export { conflicts, isLockMode, LOCK_MODES, type LockMode } from './modes.js';
export * from './types.js';
