export * from './schemas.js';
export * from './defaults.js';
export * from './rules.js';
export * from './random.js';
