/**
 * The one rich-text editor schema, shared by the browser's Tiptap editors and the server's content
 * check (issue 8 §6): the client builds its editors from `editorExtensions()`; the server's update check
 * reads `RICH_TEXT_RULES` (`rich-text-rules.ts`), this schema's `rulesOf` written out as data and tested
 * equal to it, and the export builds documents with `EDITOR_SCHEMA` (Tiptap's `getSchema` runs in Node).
 * @module
 */
import { Extension, getSchema, type Extensions } from '@tiptap/core'
import type { NodeType, Schema } from '@tiptap/pm/model'
import StarterKit from '@tiptap/starter-kit'
import type { RichTextRules } from './rich-text-rules.ts'

/**
 * Who wrote a passage of the joint report (issue 12 §4): the merge sets `attribution` (a member id)
 * and `attributionLabel` ("Name (Agency)") on each top-level block it puts into a joint section. Editing
 * the text keeps them; a block split off by Enter does not inherit them (the new text is not theirs).
 */
const Attribution = Extension.create({
  name: 'attribution',
  addGlobalAttributes() {
    return [
      {
        types: ['paragraph', 'heading', 'blockquote', 'bulletList', 'orderedList', 'codeBlock', 'horizontalRule'],
        attributes: {
          attribution: {
            default: null,
            keepOnSplit: false,
            parseHTML: (el: HTMLElement) => el.getAttribute('data-attribution'),
            renderHTML: (attrs: Record<string, unknown>) => (typeof attrs.attribution === 'string' ? { 'data-attribution': attrs.attribution } : {}),
          },
          attributionLabel: {
            default: null,
            keepOnSplit: false,
            parseHTML: (el: HTMLElement) => el.getAttribute('data-attribution-label'),
            renderHTML: (attrs: Record<string, unknown>) =>
              typeof attrs.attributionLabel === 'string' ? { 'data-attribution-label': attrs.attributionLabel, title: `Written by ${attrs.attributionLabel}` } : {},
          },
        },
      },
    ]
  },
})

/** The extensions every section editor is made of (Collaboration and carets are added by the client). */
export function editorExtensions(): Extensions {
  // Undo and redo come from Yjs through Collaboration, so StarterKit's history is off.
  return [StarterKit.configure({ undoRedo: false }), Attribution]
}

/** Every node type that `type`'s content expression can reach, at any position. */
function reachableChildren(type: NodeType): Set<string> {
  const names = new Set<string>()
  const seen = new Set<unknown>()
  const stack = [type.contentMatch]
  while (stack.length > 0) {
    const match = stack.pop()!
    if (seen.has(match)) continue
    seen.add(match)
    for (let i = 0; i < match.edgeCount; i++) {
      const edge = match.edge(i)
      names.add(edge.type.name)
      stack.push(edge.next)
    }
  }
  return names
}

/** What `schema` allows where, as the content check reads it. */
export function rulesOf(schema: Schema): RichTextRules {
  const children = new Map<string, Set<string>>()
  const nodeAttrs = new Map<string, Set<string>>()
  const markAttrs = new Map<string, Set<string>>()
  for (const [name, type] of Object.entries(schema.nodes)) {
    children.set(name, reachableChildren(type))
    nodeAttrs.set(name, new Set(Object.keys(type.spec.attrs ?? {})))
  }
  for (const [name, type] of Object.entries(schema.marks)) markAttrs.set(name, new Set(Object.keys(type.spec.attrs ?? {})))
  return { children, nodeAttrs, markAttrs }
}

/** The ProseMirror schema of every rich-text section. */
export const EDITOR_SCHEMA: Schema = getSchema(editorExtensions())

