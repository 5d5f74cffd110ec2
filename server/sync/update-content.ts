/**
 * Content rules for what an update inserts (issue 8 §6): rich-text sections accept only what the shared
 * editor schema allows, as y-prosemirror stores it (`schemas/content/editor-schema.ts`); row sections
 * accept only rows of `Y.Map` whose fields match the section's zod schema (`schemas/content/rows.ts`).
 * Each rule looks at one inserted item and the slot it lands in, so it holds whatever order concurrent
 * updates merge in. Deleted placeholders (`ContentDeleted`) are allowed everywhere.
 * @module
 */
import * as Y from 'yjs'
import type * as z from 'zod'
import { RICH_TEXT_RULES, ROOT_NODE } from '../../schemas/content/rich-text-rules.ts'
import { ROW_SECTIONS, type RowSectionName } from '../../schemas/content/rows.ts'
import type { ResolvedInsert, Slot } from './update-resolver.ts'

/** Longest string value of a node or mark attribute. */
const MAX_ATTRIBUTE_LENGTH = 2000
/** y-prosemirror names overlapping marks `<mark>--<hash>`. */
const MARK_NAME = /^([A-Za-z][A-Za-z0-9]*)(?:--[A-Za-z0-9+/=_-]{1,64})?$/
const URL_SCHEME = /^\s*([A-Za-z][A-Za-z0-9+.-]*):/
const SAFE_SCHEMES = new Set(['http', 'https', 'mailto', 'tel'])

/** Why an inserted item is not allowed in a rich-text section, or null when it is. */
export function richTextProblem(slot: Slot, item: Y.Item): string | null {
  const content = item.content
  if (content instanceof Y.ContentDeleted) return null
  const shape = slot.shape
  switch (shape.kind) {
    case 'root':
      if (slot.parentSub !== null) return 'a keyed entry at the root of a rich-text section'
      return childProblem(ROOT_NODE, content)
    case 'xml-element':
      if (!RICH_TEXT_RULES.children.has(shape.nodeName)) return 'a node the editor schema does not have'
      if (slot.parentSub !== null) return attributeProblem(RICH_TEXT_RULES.nodeAttrs.get(shape.nodeName)!, slot.parentSub, content)
      return childProblem(shape.nodeName, content)
    case 'xml-text':
      if (slot.parentSub !== null) return 'an attribute on text'
      if (content instanceof Y.ContentString) return null
      if (content instanceof Y.ContentFormat) return formatProblem(content)
      return 'content other than text and formatting inside text'
    default:
      return 'content inside a type the editor does not use'
  }
}

function childProblem(parentNode: string, content: Y.Item["content"]): string | null {
  if (!(content instanceof Y.ContentType)) return 'content other than nodes where nodes belong'
  const allowed = RICH_TEXT_RULES.children.get(parentNode)!
  const type: unknown = content.type
  if (type instanceof Y.XmlElement) {
    return allowed.has(type.nodeName) ? null : `a ${type.nodeName.slice(0, 40)} node where the schema does not allow it`
  }
  if (type instanceof Y.XmlText) return allowed.has('text') ? null : 'text where the schema does not allow it'
  return 'a type the editor does not use'
}

function attributeProblem(allowed: ReadonlySet<string>, key: string, content: Y.Item["content"]): string | null {
  if (!allowed.has(key)) return 'an attribute the node does not have'
  if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return 'an attribute value that is not a plain value'
  return plainValueProblem(content.arr[0])
}

function formatProblem(content: Y.ContentFormat): string | null {
  const name = MARK_NAME.exec(content.key)?.[1]
  const attrs = name === undefined ? undefined : RICH_TEXT_RULES.markAttrs.get(name)
  if (attrs === undefined) return 'a mark the editor schema does not have'
  const value: unknown = content.value
  if (value === null || value === true) return null
  if (typeof value !== 'object' || Array.isArray(value)) return 'mark attributes that are not an object'
  for (const [key, v] of Object.entries(value)) {
    if (!attrs.has(key)) return 'a mark attribute the mark does not have'
    const problem = plainValueProblem(v)
    if (problem) return problem
    if (key === 'href' && typeof v === 'string' && !safeHref(v)) return 'a link to a scheme other than http, https, mailto or tel'
  }
  return null
}

function safeHref(href: string): boolean {
  const scheme = URL_SCHEME.exec(href)?.[1]
  return scheme === undefined || SAFE_SCHEMES.has(scheme.toLowerCase())
}

function plainValueProblem(value: unknown): string | null {
  if (value === null || typeof value === 'boolean') return null
  if (typeof value === 'number') return Number.isFinite(value) ? null : 'a number that is not finite'
  if (typeof value === 'string') return value.length <= MAX_ATTRIBUTE_LENGTH ? null : 'an attribute value that is too long'
  return 'a value that is not a string, number, boolean or null'
}

/** Why an inserted item is not allowed in the row section `section`, or null when it is. */
export function rowProblem(section: RowSectionName, slot: Slot, item: Y.Item): string | null {
  const content = item.content
  if (content instanceof Y.ContentDeleted) return null
  const { row, textFields } = ROW_SECTIONS[section]
  if (slot.depth === 0) {
    if (slot.parentSub !== null) return 'a keyed entry at the root of a row section'
    return content instanceof Y.ContentType && slot.shape.kind === 'root' && content.type instanceof Y.Map && !(content.type instanceof Y.XmlHook)
      ? null
      : 'a row that is not a map'
  }
  if (slot.depth === 1) {
    if (slot.shape.kind !== 'map' || slot.parentSub === null) return 'a row entry without a field name'
    const field = row.shape[slot.parentSub as keyof typeof row.shape] as { safeParse(v: unknown): { success: boolean } } | undefined
    if (field === undefined) return 'a field the row does not have'
    if (textFields.has(slot.parentSub)) {
      return content instanceof Y.ContentType && content.type instanceof Y.Text && !(content.type instanceof Y.XmlText) ? null : 'a text field that is not text'
    }
    if (!(content instanceof Y.ContentAny) || content.arr.length !== 1) return 'a field value that is not a plain value'
    return field.safeParse(content.arr[0]).success ? null : 'a field value that does not match the row schema'
  }
  if (slot.depth === 2 && slot.shape.kind === 'text' && slot.parentSub === null && slot.rowKey !== null && textFields.has(slot.rowKey)) {
    return content instanceof Y.ContentString ? null : 'content other than plain text in a text field'
  }
  return 'content nested deeper than a row field'
}

/**
 * Rows the update adds must be whole rows of the schema: their fields, as the update leaves them (the
 * last value written to each key wins, as in `Y.Map`), parse. Text fields count as text. `schema`
 * overrides the section's row schema (the plan document's rows must carry an `id`: `PlanActionRow`).
 */
export function newRowProblem(section: RowSectionName, rowItem: Y.Item, inserts: readonly ResolvedInsert[], schema: z.ZodType = ROW_SECTIONS[section].row): string | null {
  return schema.safeParse(newRowValue(section, rowItem, inserts)).success ? null : 'a row that does not match the row schema'
}

/** The plain value of a row the update adds, as the update leaves it (text fields read as ''). */
export function newRowValue(section: RowSectionName, rowItem: Y.Item, inserts: readonly ResolvedInsert[]): Record<string, unknown> {
  const { textFields } = ROW_SECTIONS[section]
  const winners = new Map<string, Y.Item>()
  for (const insert of inserts) {
    const { slot, item } = insert
    if (slot.depth !== 1 || slot.parent !== rowItem || slot.parentSub === null) continue
    const current = winners.get(slot.parentSub)
    if (current === undefined || laterInMap(item, current)) winners.set(slot.parentSub, item)
  }
  const value: Record<string, unknown> = {}
  for (const [key, item] of winners) {
    const content = item.content
    if (content instanceof Y.ContentDeleted) continue
    value[key] = textFields.has(key) ? '' : content instanceof Y.ContentAny ? content.arr[0] : undefined
  }
  return value
}

/** Of two entries written to one key by one update, the one yjs keeps (the later one, in its list). */
function laterInMap(a: Y.Item, b: Y.Item): boolean {
  if (a.origin !== null && a.origin.client === b.id.client && a.origin.clock >= b.id.clock) return true
  if (b.origin !== null && b.origin.client === a.id.client && b.origin.clock >= a.id.clock) return false
  return a.id.client === b.id.client ? a.id.clock > b.id.clock : a.id.client > b.id.client
}
