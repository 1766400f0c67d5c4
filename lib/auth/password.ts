import 'server-only';
import { hash, verify } from '@node-rs/argon2';

/**
 * argon2id with OWASP's minimum profile (19 MiB, 2 passes, 1 lane): ~30 ms per hash on this
 * machine's class of CPU, so a sign-in burst does not starve the server.
 * `algorithm` is left to the library default, which is argon2id (its `Algorithm` is a const enum
 * that isolatedModules cannot import).
 */
const options = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

/** The longest password accepted anywhere: argon2 hashes any length, but a 1 MB "password" is a DoS. */
export const MAX_PASSWORD_LENGTH = 256;
export const MIN_PASSWORD_LENGTH = 8;

export function hashPassword(password: string): Promise<string> {
  return hash(password, options);
}

/** False for a wrong password and for a malformed stored hash (never throws for bad input). */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  if (password.length > MAX_PASSWORD_LENGTH) return false;
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Burns the same time as a real check when no user matches the email, so response times do not
 * tell which emails have accounts.
 */
export async function verifyAgainstDummy(password: string): Promise<false> {
  dummyHash ??= hashPassword('ferry-timing-equaliser');
  await verifyPassword(await dummyHash, password);
  return false;
}
