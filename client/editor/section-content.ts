/**
 * Whether a rich-text section's stored content is something the editor can show exactly as stored.
 *
 * y-prosemirror "repairs" what it cannot show, and writes the repair into the shared document: it
 * deletes elements of unknown node types, text carrying unknown marks and nodes missing a required
 * attribute as it renders them, and later overwrites unknown attributes and content the schema does not
 * allow with what ProseMirror made of them. No client may send such a repair (it may not be allowed to
 * write the section, and a writer's client would silently destroy content), so a section failing this
 * check is never given an editor; it is shown as plain text instead (SectionEditor).
 *
 * Everything here only reads the Y types.
 * @module
 */
import type { Mark, Node as PmNode, Schema } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { EDITOR_SCHEMA } from '../../schemas/content/editor-schema.ts'

/** y-prosemirror stores a mark that may overlap itself under `<name>--<hash>`. */
const HASHED_MARK = /^(.*)--[a-zA-Z0-9+/=]{8}$/

type Delta = Array<{ insert?: unknown; attributes?: Record<string, unknown> }>

/** Why the editor cannot show `fragment` exactly as stored, or null when it can. */
export function sectionContentProblem(fragment: Y.XmlFragment, schema: Schema = EDITOR_SCHEMA): string | null {
  // An empty section is what every section starts as: the editor shows an empty paragraph, unwritten.
  if (fragment.length === 0) return null
  try {
    const root = schema.topNodeType.create(null, fragment.toArray().flatMap((child) => toNodes(child, schema)))
    // Content expressions, allowed and exclusive marks, attribute values: the whole tree.
    root.check()
    return null
  } catch (err) {
    return err instanceof Error ? err.message : String(err)
  }
}

function toNodes(item: unknown, schema: Schema): PmNode[] {
  if (item instanceof Y.XmlText) return textNodes(item, schema)
  if (!(item instanceof Y.XmlElement)) throw new Error('Content that is neither an element nor text')
  const type = schema.nodes[item.nodeName]
  if (!type || type.isText) throw new Error(`Unknown node type ${item.nodeName}`)
  const attrs = item.getAttributes() as Record<string, unknown>
  knownAttributes(attrs, type.spec.attrs, `node ${type.name}`)
  // Throws when a required attribute is missing.
  return [type.create(attrs, item.toArray().flatMap((child) => toNodes(child, schema)))]
}

function textNodes(text: Y.XmlText, schema: Schema): PmNode[] {
  return (text.toDelta() as Delta).map(({ insert, attributes }) => {
    if (typeof insert !== 'string' || insert.length === 0) throw new Error('Text holding something other than characters')
    const marks: Mark[] = Object.entries(attributes ?? {}).map(([key, attrs]) => {
      const name = HASHED_MARK.exec(key)?.[1] ?? key
      const type = schema.marks[name]
      if (!type) throw new Error(`Unknown mark type ${name}`)
      if (attrs === null || typeof attrs !== 'object' || Array.isArray(attrs)) throw new Error(`Mark ${name} stored without its attributes`)
      knownAttributes(attrs as Record<string, unknown>, type.spec.attrs, `mark ${name}`)
      return type.create(attrs as Record<string, unknown>)
    })
    return schema.text(insert, marks)
  })
}

/** ProseMirror silently drops attributes its schema does not know, and y-prosemirror then deletes them. */
function knownAttributes(values: Record<string, unknown>, spec: Record<string, unknown> | undefined, what: string): void {
  for (const key of Object.keys(values)) {
    if (!spec || !Object.hasOwn(spec, key)) throw new Error(`Unknown attribute ${key} of ${what}`)
  }
}

/** The section's text, one string per paragraph (or other text block), for showing it without an editor. */
export function sectionPlainText(fragment: Y.XmlFragment): string[] {
  const lines: string[] = []
  const visit = (type: Y.XmlFragment) => {
    // A root stored as another kind of type than a fragment has nothing to show as text.
    if (typeof (type as { toArray?: unknown }).toArray !== 'function') return
    const children = type.toArray()
    if (children.some((c) => c instanceof Y.XmlText)) {
      lines.push(children.map((c) => (c instanceof Y.XmlText ? textOf(c) : c instanceof Y.XmlElement ? plainTextOfElement(c) : '')).join(''))
    } else {
      for (const c of children) if (c instanceof Y.XmlElement) visit(c)
    }
  }
  visit(fragment)
  return lines
}

function textOf(text: Y.XmlText): string {
  return (text.toDelta() as Delta).map((d) => (typeof d.insert === 'string' ? d.insert : '')).join('')
}

function plainTextOfElement(el: Y.XmlElement): string {
  return el
    .toArray()
    .map((c) => (c instanceof Y.XmlText ? textOf(c) : c instanceof Y.XmlElement ? plainTextOfElement(c) : ''))
    .join('')
}

/** True when `transaction` changed anything inside `fragment`. */
function touches(transaction: Y.Transaction, fragment: Y.XmlFragment): boolean {
  for (const changed of transaction.changed.keys()) {
    for (let type: unknown = changed; type instanceof Y.AbstractType; type = type._item?.parent) {
      if (type === fragment) return true
    }
  }
  return false
}

/**
 * Follows `sectionContentProblem` of one section as its document changes. The check runs on the
 * document's `beforeObserverCalls`, so subscribers hear of content turning unshowable before any
 * observer of the section — y-prosemirror's binding among them — sees the change.
 */
export class SectionContentCheck {
  private listeners = new Set<() => void>()
  private cached: string | null = null

  constructor(readonly fragment: Y.XmlFragment) {}

  /** The current problem, or null when the section can be shown. */
  get problem(): string | null {
    return this.listeners.size > 0 ? this.cached : sectionContentProblem(this.fragment)
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    const doc = this.fragment.doc
    if (this.listeners.size === 0 && doc) {
      this.cached = sectionContentProblem(this.fragment)
      doc.on('beforeObserverCalls', this.onTransaction)
    }
    this.listeners.add(listener)
    return () => {
      this.listeners.delete(listener)
      if (this.listeners.size === 0) doc?.off('beforeObserverCalls', this.onTransaction)
    }
  }

  private readonly onTransaction = (transaction: Y.Transaction) => {
    if (!touches(transaction, this.fragment)) return
    const problem = sectionContentProblem(this.fragment)
    if (problem === this.cached) return
    this.cached = problem
    for (const l of [...this.listeners]) l()
  }
}
