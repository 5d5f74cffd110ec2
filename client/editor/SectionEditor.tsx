/**
 * One Tiptap editor bound to one section (a Y.XmlFragment root type) of an open document.
 * @module
 */
import Collaboration from '@tiptap/extension-collaboration'
import CollaborationCaret from '@tiptap/extension-collaboration-caret'
import { EditorContent, useEditor } from '@tiptap/react'
import StarterKit from '@tiptap/starter-kit'
import { useEffect } from 'react'
import type { DocumentSync } from '../collab/document-sync.ts'
import type { Identity } from '../collab/identity.ts'

interface Props {
  sync: DocumentSync
  section: string
  title: string
  /** A one-line prompt for the writer (from the agenda template). */
  prompt?: string
  identity: Identity
  /** Why the section is read-only, when it is; the editor is editable when undefined. */
  readOnlyReason?: string
}

export function SectionEditor({ sync, section, title, prompt, identity, readOnlyReason }: Props) {
  const headingId = `heading-${section.replace(/[^a-z0-9]/gi, '-')}`
  const editor = useEditor(
    {
      extensions: [
        // Undo and redo come from Yjs through Collaboration, so StarterKit's history is off.
        StarterKit.configure({ undoRedo: false }),
        Collaboration.configure({ document: sync.doc, field: section }),
        CollaborationCaret.configure({ provider: sync.provider, user: { id: identity.id, name: identity.name, color: identity.color } }),
      ],
      editable: !readOnlyReason,
      editorProps: {
        attributes: {
          class: 'section-editor__content',
          'aria-labelledby': headingId,
          'aria-multiline': 'true',
          role: 'textbox',
          'data-section': section,
        },
      },
      onFocus: () => sync.awareness.setLocalStateField('section', section),
    },
    [sync, section],
  )

  useEffect(() => {
    editor?.setEditable(!readOnlyReason)
  }, [editor, readOnlyReason])

  useEffect(() => {
    editor?.commands.updateUser({ id: identity.id, name: identity.name, color: identity.color })
  }, [editor, identity])

  return (
    <section className="section-editor" data-testid={`section-${section}`}>
      <h2 id={headingId} className="section-editor__title">
        {title}
      </h2>
      {prompt && <p className="section-editor__prompt">{prompt}</p>}
      {readOnlyReason && (
        <p className="section-editor__readonly" data-testid={`readonly-${section}`}>
          Read only: {readOnlyReason}
        </p>
      )}
      <EditorContent editor={editor} />
    </section>
  )
}
