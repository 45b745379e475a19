import { AppError } from '@/lib/errors';

/** Version and part numbers in URLs are small positive integers; anything else is simply not found. */
export function parseVersion(value: string): number {
  if (!/^[1-9]\d{0,8}$/.test(value)) throw new AppError('not_found');
  return Number(value);
}
