// GET/POST /api/auth/* — next-auth's endpoints (csrf, credentials callback, session, sign-out), called by next-auth/react in the browser.
import NextAuth from 'next-auth';
import { authOptions } from '@/lib/auth/options';

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
