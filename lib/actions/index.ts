import 'server-only';
import { getCurrentUser } from '@/lib/auth/session';
import { createAction } from './create-action';

export { formObject } from './create-action';
export type { ActionError, ActionResult, ActionState } from './result';

/**
 * The one way to write a server action: validate (zod) → authorize → rate-limit → one lib call →
 * revalidate → redirect, answering one shape (ActionResult, ./result.ts). A `'use server'` file
 * exports only these:
 *
 *   export const setStockAction = action({
 *     name: 'stock set',                                  // names the action in the server log
 *     input: z.object({ locale: z.enum(locales), skuId: …, quantity: … }),
 *     auth: { permission: 'stock:write' },                // or { user: true } or { public: true }
 *     run: ({ skuId, quantity }, { user }) => setStock(getDb(), getRedis(), skuId, quantity, userActor(user)),
 *     revalidate: ({ locale }) => revalidatePath(`/${locale}/admin/stock`),
 *   });
 *
 * and its form: `const [state, formAction, isPending] = useActionState(setStockAction, null)` —
 * which keeps working without JavaScript (the page renders the answer). Options:
 * - `auth`: `{ permission: p }` (p may be computed from the input, e.g. the state machine's
 *   permission for the requested move), `{ user: true, signedOutRedirect? }`, or `{ public: true }`
 *   (guests: carts, the paste box, sign-up). No user → `unauthorized`, no permission → `forbidden`.
 * - `read`: FormData → the object `input` parses (default: each field once, a repeated name → array).
 * - `rateLimit`: false → `rate_limited`. `redirect`: where a success goes (Next's redirect throws,
 *   so it runs after everything else). `describe`: words a refusal in the user's language (from the
 *   form's `locale` field). `echo`: fields sent back on failure so the form keeps what was typed.
 * Refusals come back as their AppError code and message (`details.fieldErrors` as `fields`); anything
 * else is logged with a request id and answered `internal` with only that id (CONVENTIONS rule 8).
 * Next's control-flow errors (redirect, notFound) pass through untouched.
 */
export const action = createAction({ currentUser: getCurrentUser });
