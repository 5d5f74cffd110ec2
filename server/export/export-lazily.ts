/**
 * The DOCX export, loaded when the first export is asked for (issue 16 §3): `docx` and the builders
 * cost memory that a server which has not exported anything yet need not hold.
 * @module
 */
import type { exportDocument } from './export-document.ts'

export async function exportDocumentLazily(...args: Parameters<typeof exportDocument>): ReturnType<typeof exportDocument> {
  const { exportDocument: run } = await import('./export-document.ts')
  return run(...args)
}

/** The read-only views of a version (`GET /api/versions/:id`), loaded by the first view: they build ProseMirror documents. */
export async function versionViewsLazily() {
  const [{ buildReportView }, { buildNotesView }] = await Promise.all([import('./report-view.ts'), import('./notes-view.ts')])
  return { buildReportView, buildNotesView }
}
