/**
 * The canonical projection of a document's content, and its SHA-256 (DESIGN §5): what the document
 * says, independent of how it came to say it. Every section except `control` is projected — rich text
 * as ProseMirror JSON in the shared schema (attributes at their default left out), rows as plain values — empty sections are left out (a
 * section typed into and cleared equals one never touched), and object keys are sorted, so the same
 * content reached by different edit histories, clients or orders hashes the same.
 * @module
 */
import { createHash } from 'node:crypto'
import type * as Y from 'yjs'
import type { PmJson } from '../../schemas/api/version-view.ts'
import { EDITOR_SCHEMA } from '../../schemas/content/editor-schema.ts'
import { CONTROL_SECTION, parseSectionName, sectionContent } from '../../schemas/documents.ts'
import { isEmptyRichText, richTextJson, rowsJson } from '../export/section-json.ts'
import type { VersionDocument } from './version-repo.ts'

/**
 * The node or mark without attributes at their schema default (and without an empty `attrs`), so an
 * attribute the schema gains later with a default leaves older content's hash as it was.
 */
export function withoutDefaultAttrs(node: PmJson): PmJson {
  const trim = (attrs: Record<string, unknown> | undefined, spec: Record<string, { default?: unknown }> | undefined) => {
    const kept = Object.entries(attrs ?? {}).filter(([k, v]) => !(spec && k in spec && 'default' in spec[k]! && spec[k]!.default === v))
    return kept.length > 0 ? { attrs: Object.fromEntries(kept) } : {}
  }
  const { attrs, content, marks, ...rest } = node
  return {
    ...rest,
    ...trim(attrs, EDITOR_SCHEMA.nodes[node.type]?.spec.attrs as Record<string, { default?: unknown }> | undefined),
    ...(content ? { content: content.map(withoutDefaultAttrs) } : {}),
    ...(marks ? { marks: marks.map((m) => ({ type: m.type, ...trim(m.attrs, EDITOR_SCHEMA.marks[m.type]?.spec.attrs as Record<string, { default?: unknown }> | undefined) })) } : {}),
  }
}

/** Section name → content, for every non-empty section of `doc` (a fresh doc, never a live room's). */
export function canonicalProjection(doc: Y.Doc): Record<string, unknown> {
  const out: Record<string, unknown> = {}
  for (const name of [...doc.share.keys()].sort()) {
    if (name === CONTROL_SECTION) continue
    const ref = parseSectionName(name)
    if (!ref) continue
    if (sectionContent(ref) === 'rows') {
      const rows = rowsJson(doc, name)
      if (rows.length > 0) out[name] = rows
    } else {
      const json = richTextJson(doc, name)
      if (!isEmptyRichText(json)) out[name] = withoutDefaultAttrs(json)
    }
  }
  return out
}

/** JSON with every object's keys in code-point order, no whitespace; `undefined` members are dropped. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null'
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v === undefined ? null : v)).join(',')}]`
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`
}

/** Hex SHA-256 of the document's canonical projection. */
export function canonicalHash(doc: Y.Doc): string {
  return sha256Hex(canonicalJson(canonicalProjection(doc)))
}

/** The combined hash of a version: SHA-256 over each document's role and canonical hash, by role. */
export function versionHash(documents: readonly Pick<VersionDocument, 'role' | 'sha256'>[]): string {
  return sha256Hex([...documents].sort((a, b) => (a.role < b.role ? -1 : 1)).map((d) => `${d.role}:${d.sha256}\n`).join(''))
}

function sha256Hex(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex')
}
