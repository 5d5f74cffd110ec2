/**
 * The family's own voice in the minutes (issue 14, item 3). Each member of the core group writes their
 * own update (`update:<memberId>`, which only they and the lead social worker may write); for the
 * family it is "Our views" (parents and carers, advocates) and "My views" for the child: a simple form
 * of three questions a young person can answer, which the social worker may help to fill in (the lead
 * social worker may write every member's update). The questions are offered as headings to write
 * under, so the answers stay in the shared schema, and the notes show the child's under "the child's
 * views" (seed 004's "voice of the child").
 * @module
 */
import type { CoreGroupRole } from '../roles.ts'

/** The child's form (seed 004: the child's views "must be undertaken and shared"). */
export const CHILD_VIEWS_QUESTIONS = ['What is going well', 'What worries me', 'What I want to happen'] as const

/** The parents' and carers' questions: the members' three questions (seed 000) in a parent's words. */
export const FAMILY_VIEWS_QUESTIONS = ['What has changed for us', 'What is going well, and what is not', 'What worries us, and what would help'] as const

/** The title of a family member's own update on their page. */
export function viewsTitle(role: CoreGroupRole): string {
  return role === 'child' ? 'My views' : 'Our views'
}

/** The questions a family member's own update offers. */
export function viewsQuestions(role: CoreGroupRole): readonly string[] {
  return role === 'child' ? CHILD_VIEWS_QUESTIONS : FAMILY_VIEWS_QUESTIONS
}
