import 'server-only';
import type { NextAuthOptions } from 'next-auth';
import CredentialsProvider from 'next-auth/providers/credentials';
import { getDb } from '@/lib/db';
import { getEnv } from '@/lib/env';
import { isAppError } from '@/lib/errors';
import { clientIp } from '@/lib/http/client-ip';
import { authorizeCredentials } from './authorize';
import { getLimiter } from './rate-limit';
import { signInErrors } from './sign-in-errors';
import type { SignInHook } from './sign-in-hooks';

const env = getEnv();
// next-auth v4 builds absolute URLs and decides on `Secure` cookies from NEXTAUTH_URL; Ferry's
// public origin is SITE_URL, so one setting drives both unless NEXTAUTH_URL is given explicitly.
process.env.NEXTAUTH_URL ??= env.SITE_URL;

/**
 * next-auth's options. `onSignIn` lists the sign-in hooks (lib/auth/sign-in-hooks.ts): the next-auth
 * route passes them; reading a session (`authOptions`, below) runs no sign-in and needs none.
 */
export function createAuthOptions({ onSignIn = [] }: { onSignIn?: readonly SignInHook[] } = {}): NextAuthOptions {
  return {
    secret: env.NEXTAUTH_SECRET,
    session: { strategy: 'jwt', maxAge: 30 * 24 * 60 * 60 },
    // next-auth v4 takes fixed paths; the sign-in page itself follows the browser's language links.
    pages: { signIn: '/en/account/sign-in', error: '/en/account/sign-in' },
    providers: [
      CredentialsProvider({
        name: 'Email',
        credentials: { email: { label: 'Email', type: 'email' }, password: { label: 'Password', type: 'password' } },
        async authorize(credentials, req) {
          try {
            const user = await authorizeCredentials(
              getDb(),
              { email: credentials?.email, password: credentials?.password, ip: clientIp(req.headers ?? {}) },
              { limiter: getLimiter('signIn'), hooks: onSignIn },
            );
            return user ? { id: String(user.id), email: user.email, role: user.role, name: user.name, sessionVersion: user.sessionVersion } : null;
          } catch (error) {
            if (isAppError(error) && error.code === 'rate_limited') throw new Error(signInErrors.rateLimited);
            // next-auth puts a thrown message in the redirect URL: never a database error's text.
            console.error('[auth] sign-in failed:', error);
            throw new Error(signInErrors.unavailable);
          }
        },
      }),
    ],
    callbacks: {
      jwt({ token, user }) {
        if (user) {
          token.id = Number(user.id);
          token.role = user.role;
          token.email = user.email;
          token.name = user.name;
          token.sv = user.sessionVersion;
        }
        return token;
      },
      session({ session, token }) {
        if (token.id !== undefined && token.role) {
          session.user = { id: token.id, role: token.role, email: token.email ?? '', name: token.name ?? null, sessionVersion: token.sv ?? 0 };
        }
        return session;
      },
    },
  };
}

/** For reading sessions (getServerSession); the next-auth route builds its own with the sign-in hooks. */
export const authOptions: NextAuthOptions = createAuthOptions();
