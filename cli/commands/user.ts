import { databaseFor } from '@/db/client';
import { roles } from '@/db/schema/accounts';
import { createUser } from '@/lib/auth/create-user';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { CliError, usage } from '../errors';
import type { Command } from './index';

const problems: Record<string, string> = {
  required: 'is required',
  tooLong: 'is too long',
  emailInvalid: 'must be an email address',
  passwordTooShort: 'must be at least 8 characters',
  passwordTooLong: 'must be at most 256 characters',
  roleInvalid: `must be one of ${roles.join(', ')}`,
};

export const userCreate: Command = {
  name: 'user create',
  description: `Create an account: --email --password --role (${roles.join('|')}) [--name]`,
  options: { email: { type: 'string' }, password: { type: 'string' }, role: { type: 'string' }, name: { type: 'string' } },
  async run(values) {
    for (const flag of ['email', 'password', 'role'] as const) {
      if (typeof values[flag] !== 'string') usage(`user create: --${flag} is required`);
    }
    try {
      const user = await createUser(databaseFor(getEnv().DATABASE_URL), {
        email: values.email as string,
        password: values.password as string,
        role: values.role as (typeof roles)[number],
        name: typeof values.name === 'string' ? values.name : undefined,
      });
      return { id: user.id, email: user.email, role: user.role };
    } catch (error) {
      if (isAppError(error) && error.code === 'validation_failed') {
        const fields = (error.details?.fieldErrors ?? {}) as Record<string, string>;
        usage(`user create: ${Object.entries(fields).map(([field, key]) => `--${field} ${problems[key] ?? 'is invalid'}`).join('; ')}`);
      }
      if (isAppError(error) && error.code === 'conflict') throw new CliError(`user create: a user with email ${String(values.email).trim().toLowerCase()} already exists`);
      throw error;
    }
  },
};
