/**
 * What a cart action hands back to its form (useActionState). `at` changes on every answer, so a
 * form can tell a new result from the previous one. Messages are already in the shopper's language.
 */
export type CartActionState =
  | { status: 'idle' }
  | { status: 'ok'; at: number; quantity: number }
  | { status: 'error'; at: number; message: string };

export const idleCartState: CartActionState = { status: 'idle' };
