/**
 * What the link-import action hands back to its form (useActionState). A successful import
 * redirects to the product page, so only failures come back: the message (already in the shopper's
 * language) and what was pasted, so the field keeps it. `at` tells a new answer from the last one.
 */
export type LinkImportState = { status: 'idle' } | { status: 'error'; at: number; message: string; value: string };

export const idleLinkImportState: LinkImportState = { status: 'idle' };
