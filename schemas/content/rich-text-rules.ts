/**
 * What may stand where in a rich-text section, as data: the server's content check reads this on every
 * update, so it must not need Tiptap and ProseMirror loaded to answer (issue 16 §3: about 15 MB of a
 * server's idle memory). It is the editor schema's own answer written out (`rulesOf(EDITOR_SCHEMA)`,
 * `editor-schema.ts`); `rich-text-rules.test.ts` fails when the two part, e.g. after an extension is
 * added to the editor and not here.
 * @module
 */

/** What may stand where in a rich-text section, as y-prosemirror stores a ProseMirror document in Yjs. */
export interface RichTextRules {
  /** For each node type (and the section's root, `doc`): the node types that may appear as its children; `text` for inline text. */
  children: ReadonlyMap<string, ReadonlySet<string>>
  /** Attribute names of each node type. */
  nodeAttrs: ReadonlyMap<string, ReadonlySet<string>>
  /** Attribute names of each mark type. */
  markAttrs: ReadonlyMap<string, ReadonlySet<string>>
}

/** The root node type of a section (the Y.XmlFragment itself). */
export const ROOT_NODE = 'doc'

const BLOCKS = ['blockquote', 'bulletList', 'codeBlock', 'heading', 'horizontalRule', 'orderedList', 'paragraph']
const INLINE = ['hardBreak', 'text']
const ATTRIBUTION = ['attribution', 'attributionLabel']

const asMap = (o: Record<string, string[]>): ReadonlyMap<string, ReadonlySet<string>> => new Map(Object.entries(o).map(([k, v]) => [k, new Set(v)]))

export const RICH_TEXT_RULES: RichTextRules = {
  children: asMap({
    doc: BLOCKS,
    paragraph: INLINE,
    heading: INLINE,
    blockquote: BLOCKS,
    listItem: BLOCKS,
    bulletList: ['listItem'],
    orderedList: ['listItem'],
    codeBlock: ['text'],
    hardBreak: [],
    horizontalRule: [],
    text: [],
  }),
  nodeAttrs: asMap({
    doc: [],
    paragraph: ATTRIBUTION,
    heading: [...ATTRIBUTION, 'level'],
    blockquote: ATTRIBUTION,
    bulletList: ATTRIBUTION,
    orderedList: [...ATTRIBUTION, 'start', 'type'],
    codeBlock: [...ATTRIBUTION, 'language'],
    horizontalRule: ATTRIBUTION,
    listItem: [],
    hardBreak: [],
    text: [],
  }),
  markAttrs: asMap({
    bold: [],
    code: [],
    italic: [],
    strike: [],
    underline: [],
    link: ['class', 'href', 'rel', 'target', 'title'],
  }),
}
