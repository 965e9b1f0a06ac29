/**
 * The checks the analytics run on their arguments, so a bad call fails with
 * a clear `validation` DealAdapterError naming the field, not a TypeError or
 * a NaN total.
 */
import { DealAdapterError } from '../adapters/errors.js';

export function invalid(message: string, field: string): DealAdapterError {
  return new DealAdapterError('validation', message, { fieldErrors: { [field]: message } });
}

export function checkArray(value: unknown, field: string): void {
  if (!Array.isArray(value)) throw invalid(`${field} must be an array.`, field);
}

export function checkOptions(value: unknown): void {
  if (typeof value !== 'object' || value === null) throw invalid('Options are required.', '(root)');
}

export function checkCurrency(value: unknown): void {
  if (typeof value !== 'string' || !/^[A-Z]{3}$/.test(value)) {
    throw invalid(`"${String(value)}" is not a three-letter ISO currency code.`, 'currency');
  }
}
