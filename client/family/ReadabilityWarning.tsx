/**
 * The readability check on the plan's action text (issue 14, item 2), for whoever writes it: the family
 * reads the same words, so the social worker is told, in words beside the row, when the action and how
 * it will be done read above a reading age of 14 (`readabilityWarning`, schemas/family/readability.ts).
 * Advice only, never a block.
 * @module
 */
import { readabilityWarning } from '../../schemas/family/readability.ts'

export function ReadabilityWarning({ action, how }: { action: string; how: string }) {
  const text = [action.trim(), how.trim()].filter(Boolean).map((t) => (/[.!?]$/.test(t) ? t : `${t}.`)).join(' ')
  const warning = readabilityWarning(text)
  if (!warning) return null
  return (
    <p className="smart readability" data-testid="readability-warning">
      <span aria-hidden="true">ℹ </span>
      {warning}
    </p>
  )
}
