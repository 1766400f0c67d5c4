import { z } from 'zod';

/**
 * What a purchaser writes for the seller about a shopper's note (lib/purchasing/buyer-notes): in
 * Chinese, or empty when the seller need read nothing. 1688 keeps a buyer message to about 500
 * characters and the lines of one upstream order share it, so one line's part stays under 300.
 */
export const SELLER_NOTE_MAX = 300;

export const sellerNoteSchema = z.string().trim().max(SELLER_NOTE_MAX);
