export * from './calendar.js';
export * from './dates.js';
export * from './deadline.js';
export * from './lint.js';
export * from './period.js';
export * from './regime.js';
export * from './compare.js';
export * from './escalation.js';
