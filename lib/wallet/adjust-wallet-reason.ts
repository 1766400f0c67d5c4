import { z } from 'zod';

/** Why staff moved money by hand: required, shown in the history and kept in the audit trail. */
export const adjustmentReasonSchema = z.string().trim().min(3, 'reasonRequired').max(500, 'reasonTooLong');
