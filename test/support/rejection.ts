import { expect } from '@open-wc/testing';
import { DealAdapterError } from '../../src/adapters/errors.js';

/** The DealAdapterError a promise rejects with; fails the test if it resolves or rejects with anything else. */
export async function rejection(promise: Promise<unknown>): Promise<DealAdapterError> {
  try {
    await promise;
  } catch (error) {
    expect(error).to.be.instanceOf(DealAdapterError);
    return error as DealAdapterError;
  }
  throw new Error('Expected the promise to reject.');
}
