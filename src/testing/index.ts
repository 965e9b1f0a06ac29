/**
 * `dealkit/testing`: the adapter conformance suite and its small assertion
 * helpers, for anyone writing a DealAdapter.
 */
export {
  runAdapterConformance,
  type ConformanceOptions,
  type SuiteFunction,
  type TestFunction,
  type HookFunction,
  type TestBody,
} from './conformance.js';
export { AssertionError, deepEqual, describeValue, equal, isAdapterError, ok, rejectsWith } from './assert.js';
