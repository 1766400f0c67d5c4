import type { Role } from '@/db/schema/accounts';

// What Ferry keeps in the session JWT and exposes on `session.user` (see lib/auth/options.ts).
declare module 'next-auth' {
  interface Session {
    user: { id: number; email: string; role: Role; name: string | null; sessionVersion: number };
  }
  interface User {
    /** next-auth requires a string id here; the JWT callback turns it back into a number. */
    id: string;
    email: string;
    role: Role;
    name: string | null;
    sessionVersion: number;
  }
}

declare module 'next-auth/jwt' {
  interface JWT {
    id?: number;
    role?: Role;
    email?: string | null;
    /** users.session_version at sign-in; tokens issued before this field existed count as 0. */
    sv?: number;
  }
}
