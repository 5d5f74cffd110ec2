/**
 * Locking a section or a whole document (issue 4 §6).
 * @module
 */
import * as z from 'zod'

/** POST /api/documents/:name/locks. Without `section` the whole document is (un)locked. */
export const LockInput = z.strictObject({
  section: z.string({ error: 'Section must be a section name' }).min(1).max(200).optional(),
  locked: z.boolean({ error: 'Select whether to lock or unlock' }),
})
export type LockInput = z.infer<typeof LockInput>

/** The document's lock state after the change. */
export const LockResponse = z.strictObject({
  locked: z.boolean(),
  sections: z.record(z.string(), z.literal(true)),
})
export type LockResponse = z.infer<typeof LockResponse>
