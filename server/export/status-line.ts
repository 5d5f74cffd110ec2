/**
 * The status line of an exported or viewed document: which version, when and by whom, or the draft's
 * warning. Kept apart from the DOCX export so that pages showing it do not load `docx`.
 * @module
 */
import type { ExportSources } from './export-document.ts'
import { ukLongDateOfInstant } from './uk-dates.ts'

/** "Version 2, finalised on Wednesday 13 January 2027 by Sam Okafor" or the draft's warning. */
export function statusLine(src: Pick<ExportSources, 'context' | 'version' | 'at'>): string {
  if (!src.version) return `DRAFT: not finalised. Exported on ${ukLongDateOfInstant(src.at.toISOString())}; the finalised version may differ.`
  return `Version ${src.version.number}, finalised on ${ukLongDateOfInstant(src.version.createdAt)} by ${src.context.finalisedBy.name}`
}
