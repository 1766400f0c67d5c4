// GET/POST /api/auth/* — next-auth's endpoints (csrf, credentials callback, session, sign-out), called by next-auth/react in the browser.
import NextAuth from 'next-auth';
import { NextRequest } from 'next/server';
import { createAuthOptions } from '@/lib/auth/options';
import { mergeGuestCartOnSignIn } from '@/lib/cart/merge-on-sign-in';
import { isAppError } from '@/lib/errors';
import { bodyLimits, readBodyText } from '@/lib/http/read-body';

type Context = { params: Promise<{ nextauth: string[] }> };

// Sign-in runs here only, so the sign-in hooks are listed here: the guest cart joins the user's.
const handler = NextAuth(createAuthOptions({ onSignIn: [mergeGuestCartOnSignIn] })) as (request: NextRequest, context: Context) => Promise<Response>;

// next-auth reads the whole form body itself: it gets a copy read under the cap instead.
async function POST(request: NextRequest, context: Context): Promise<Response> {
  let body: string;
  try {
    body = await readBodyText(request, bodyLimits.auth);
  } catch (error) {
    if (isAppError(error)) return Response.json({ error: { code: error.code, message: error.message } }, { status: error.status });
    throw error;
  }
  return handler(new NextRequest(request, { body }), context);
}

export { handler as GET, POST };
