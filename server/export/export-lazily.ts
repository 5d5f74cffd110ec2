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
