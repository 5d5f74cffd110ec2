/**
 * One Tiptap editor bound to one section (a Y.XmlFragment root type) of an open document.
 *
 * The editor is made of the shared `editorExtensions()` (the schema the server checks content against)
 * plus Collaboration and carets. Nothing but the user's own edits, in a section they may write, ever
 * reaches the shared document from here:
 * - a section the user may not write gets a non-editable editor bound to the document's read-only
 *   replica (`DocumentSync.readOnlyReplica`), which follows the document but never flows back, and which
 *   accepts no change of its own (so y-prosemirror normalising content on load writes nowhere);
 * - in a section the user may write, plugins change content only along with the user's own edits;
 * - a section whose stored content the editor cannot show exactly (`sectionContentProblem`) gets no
 *   editor at all, since y-prosemirror would "repair" it into the document; it is shown as plain text.
 *   The check runs before the binding sees each change, and destroys a live editor first.
 *
 * Reading and writing look different: a section the user may write has the formatting toolbar and a
 * bordered box; one they may only read is calm text (`aria-readonly`), with why in words, and a lock
 * with who locked it when it is locked. A member's update can start from the three questions (seed 000)
 * as headings.
 * @module
 */
import { Extension, type Editor } from '@tiptap/core'
import Collaboration, { isChangeOrigin, type CollaborationOptions } from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { Plugin, PluginKey, type Transaction } from '@tiptap/pm/state'
import { EditorContent, useEditor, useEditorState } from '@tiptap/react'
import { useEffect, useMemo, useState, useSyncExternalStore, type ReactNode } from 'react'
import type * as Y from 'yjs'
import { editorExtensions } from '../../schemas/content/editor-schema.ts'
import type { DocumentSync } from '../collab/document-sync.ts'
import type { Identity } from '../collab/identity.ts'
import { LockIcon } from '../components/Icon.tsx'
import { EditorToolbar } from './EditorToolbar.tsx'
import { SectionContentCheck, sectionPlainText } from './section-content.ts'

interface Props {
  sync: DocumentSync
  section: string
  title: string
  /** A one-line prompt for the writer (from the agenda template). */
  prompt?: string
  identity: Identity
  /** Why the section is read-only, when it is; the editor is editable when undefined. */
  readOnlyReason?: string
  /** Shown under the title and prompt, above the editor (a member's update: the actions they own). */
  aboveEditor?: ReactNode
  /** When the section is locked: who locked it, in words ("Alex Morgan"), or null when not known. */
  lockedBy?: string | null
  /** Questions the section answers (a member's update): shown, and offered as headings to start from. */
  questions?: readonly string[]
  /** The heading level of the section's title (2 by default; 3 inside an agenda item). */
  level?: 2 | 3
}

export function SectionEditor({ sync, section, title, prompt, identity, readOnlyReason, aboveEditor, lockedBy, questions, level = 2 }: Props) {
  const headingId = sectionHeadingId(section)
  const check = useMemo(() => new SectionContentCheck(sync.doc.getXmlFragment(section)), [sync, section])
  const problem = useSyncExternalStore(check.subscribe, () => check.problem)
  // What Tiptap's own content check found (`enableContentCheck`), should it ever see more than ours.
  const [contentError, setContentError] = useState<string | null>(null)
  const unshowable = problem ?? contentError
  const readOnly = readOnlyReason !== undefined
  const locked = lockedBy !== undefined
  const Heading = level === 3 ? 'h3' : 'h2'
  const mode = locked ? 'locked' : readOnly ? 'read' : 'write'

  return (
    <section className={`section-editor section-editor--${mode}`} data-testid={`section-${section}`} data-mode={mode} id={sectionAnchor(section)} tabIndex={-1}>
      <Heading id={headingId} className="section-editor__title">
        {locked && <LockIcon className="icon section-editor__lock" />}
        {title}
      </Heading>
      {locked && (
        <p className="section-editor__locked" data-testid={`locked-${section}`}>
          <strong>Locked</strong>
          {lockedBy ? ` by ${lockedBy}` : ''}: no one can change this section until it is unlocked.
        </p>
      )}
      {prompt && !readOnly && <p className="section-editor__prompt">{prompt}</p>}
      {questions && questions.length > 0 && !readOnly && <QuestionsGuide questions={questions} />}
      {aboveEditor}
      {unshowable !== null ? (
        <UnshowableSection fragment={check.fragment} section={section} headingId={headingId} />
      ) : (
        <>
          {/* Why not, for screen readers and tests; the page says it once, in "Your part". */}
          {readOnly && (
            <p className="visually-hidden" data-testid={`readonly-${section}`}>
              Read only: {readOnlyReason}
            </p>
          )}
          {/* A section turning read-only (or writable) gets a new editor, bound to the replica (or the document). */}
          <BoundEditor key={readOnly ? 'read-only' : 'writable'} sync={sync} section={section} title={title} headingId={headingId} identity={identity} readOnly={readOnly} check={check} onContentError={setContentError} questions={questions} />
        </>
      )}
    </section>
  )
}

interface BoundEditorProps {
  sync: DocumentSync
  section: string
  title: string
  headingId: string
  identity: Identity
  readOnly: boolean
  check: SectionContentCheck
  onContentError: (message: string) => void
  questions?: readonly string[]
}

function BoundEditor({ sync, section, title, headingId, identity, readOnly, check, onContentError, questions }: BoundEditorProps) {
  const doc = readOnly ? sync.readOnlyReplica() : sync.doc
  const editor = useEditor(
    {
      extensions: [
        ...editorExtensions(),
        GuardedCollaboration.configure({ document: doc, field: section, check }),
        CollaborationCaret.configure({ provider: sync.provider, user: { id: identity.id, name: identity.name, color: identity.color } }),
        SectionGuard.configure({ check, readOnly }),
      ],
      editable: !readOnly,
      // Content the schema does not allow is never rendered (let alone "repaired"): this editor goes.
      // Not Collaboration's `disableCollaboration`, which destroys the whole Y.Doc every section shares.
      enableContentCheck: true,
      onContentError: ({ error, editor: failed }) => {
        onContentError(error.message)
        queueMicrotask(() => failed.destroy())
      },
      editorProps: {
        attributes: {
          class: 'section-editor__content',
          'aria-labelledby': headingId,
          'aria-multiline': 'true',
          role: 'textbox',
          'data-section': section,
          ...(readOnly ? { 'aria-readonly': 'true' } : {}),
        },
      },
      onFocus: () => {
        if (!readOnly) sync.awareness.setLocalStateField('section', section)
      },
    },
    [doc, section],
  )

  useEffect(() => {
    editor?.commands.updateUser({ id: identity.id, name: identity.name, color: identity.color })
  }, [editor, identity])
  const empty = useEditorState({ editor, selector: ({ editor: e }) => e?.isEmpty ?? true })

  return (
    <>
      {!readOnly && editor && empty && questions && questions.length > 0 && (
        <p className="section-editor__start">
          <button type="button" className="button button--secondary" onClick={() => startWithQuestions(editor, questions)} data-testid={`start-questions-${section}`}>
            Write under the three questions
          </button>
        </p>
      )}
      {!readOnly && editor && <EditorToolbar editor={editor} title={title} />}
      <div className="section-editor__frame" data-empty={empty ? 'true' : undefined}>
        <EditorContent editor={editor} />
      </div>
    </>
  )
}

/** Fills an empty update with the questions as headings, each followed by a paragraph to write in. */
function startWithQuestions(editor: Editor, questions: readonly string[]): void {
  const content = questions.flatMap((q) => [
    { type: 'heading', attrs: { level: 3 }, content: [{ type: 'text', text: q }] },
    { type: 'paragraph' },
  ])
  editor.chain().focus().setContent(content).setTextSelection(questions[0]!.length + 3).run()
}

/** The questions a member's update answers, in a short plain list. */
function QuestionsGuide({ questions }: { questions: readonly string[] }) {
  return (
    <div className="questions">
      <p className="questions__intro">Each update answers three questions:</p>
      <ol className="questions__list">
        {questions.map((q) => (
          <li key={q}>{q}</li>
        ))}
      </ol>
    </div>
  )
}

/** The id of a section's title (its editor is labelled by it). */
export function sectionHeadingId(section: string): string {
  return `heading-${section.replace(/[^a-z0-9]/gi, '-')}`
}

/** The id a link jumps to for a section (the contents list, "Your part"). */
export function sectionAnchor(section: string): string {
  return `section-${section.replace(/[^a-z0-9]/gi, '-')}`
}

/**
 * Collaboration, bound only to content the editor can show. Tiptap makes an editor's plugins when it
 * mounts the editor's view, and y-prosemirror's binding renders the section, "repairing" what it cannot
 * show, the moment its plugin view is made. Content can arrive between the render that chose an editor
 * and that mount (a slow page), so the check runs again here, in the same turn as the binding's first
 * render: content that cannot be shown gets no binding, and the editor goes (SectionEditor then shows it
 * as plain text). Later changes are caught by SectionGuard before the binding observes them.
 */
const GuardedCollaboration = Collaboration.extend<CollaborationOptions & { check: SectionContentCheck | null }>({
  addOptions() {
    return { ...this.parent!(), check: null }
  },

  addProseMirrorPlugins() {
    const { check } = this.options
    if (check && check.problem !== null) {
      const editor: Editor = this.editor
      queueMicrotask(() => {
        if (!editor.isDestroyed) editor.destroy()
      })
      return []
    }
    return this.parent!()
  },
})

interface SectionGuardOptions {
  check: SectionContentCheck | null
  readOnly: boolean
}

interface SectionGuardStorage {
  /** The transaction being dispatched: any other one filtered meanwhile was appended to it by a plugin. */
  dispatching: Transaction | null
}

declare module '@tiptap/core' {
  interface Storage {
    sectionGuard: SectionGuardStorage
  }
}

/**
 * Keeps an editor from writing what it should not: a read-only editor accepts no change to its content
 * but the binding's; a writable one no change a plugin makes of its own accord (Tiptap's trailing node
 * would otherwise add a paragraph to every section ending in a heading or a list, in every writer's
 * browser, whenever a caret moved); and any editor is destroyed, before its binding renders the change,
 * when the section's content turns unshowable.
 */
const SectionGuard = Extension.create<SectionGuardOptions, SectionGuardStorage>({
  name: 'sectionGuard',

  addOptions() {
    return { check: null, readOnly: false }
  },

  addStorage() {
    return { dispatching: null }
  },

  dispatchTransaction({ transaction, next }) {
    const outer = this.storage.dispatching
    this.storage.dispatching = transaction
    try {
      next(transaction)
    } finally {
      this.storage.dispatching = outer
    }
  },

  addProseMirrorPlugins() {
    const { check, readOnly } = this.options
    const editor: Editor = this.editor
    const storage = this.storage
    return [
      new Plugin({
        key: new PluginKey('sectionGuard'),
        filterTransaction: (tr) => {
          // The binding rendering the shared document (remote changes, undo) always passes.
          if (!tr.docChanged || isChangeOrigin(tr)) return true
          if (readOnly) return false
          // A plugin changing content in reaction to anything but the user's own edit (content arriving,
          // a click, someone's caret moving) would write a "repair" of what others wrote.
          const root = storage.dispatching
          return root === null || root === tr || (root.docChanged && !isChangeOrigin(root))
        },
        view: () => {
          const off = check?.subscribe(() => {
            if (check.problem !== null && !editor.isDestroyed) editor.destroy()
          })
          return { destroy: () => off?.() }
        },
      }),
    ]
  },
})

/** A section shown as plain text, without an editor, because its content cannot be shown as stored. */
function UnshowableSection({ fragment, section, headingId }: { fragment: Y.XmlFragment; section: string; headingId: string }) {
  const text = useSyncExternalStore(
    (onChange) => {
      fragment.observeDeep(onChange)
      return () => fragment.unobserveDeep(onChange)
    },
    () => sectionPlainText(fragment).join('\n'),
  )
  return (
    <>
      <p className="section-editor__readonly" data-testid={`unshowable-${section}`}>
        This section holds content this editor cannot show, so it is shown as plain text and cannot be changed here.
      </p>
      <div className="section-editor__content" aria-labelledby={headingId} data-section={section} data-unshowable="true">
        {text.split('\n').map((line, i) => (
          <p key={i}>{line}</p>
        ))}
      </div>
    </>
  )
}
