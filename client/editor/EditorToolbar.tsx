/**
 * The formatting toolbar over a section's editor: bold, italic, underline, bullet and numbered lists, a
 * heading inside the section, links, and undo and redo through Yjs (each person undoes their own
 * changes only). Every button says its keyboard shortcut; the shortcuts work without the toolbar.
 * Only what the shared schema holds can be made here, and the server checks it again.
 * @module
 */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useId, useState, type FormEvent } from 'react'
import { LinkIcon } from '../components/Icon.tsx'
import { safeLinkHref } from './link-href.ts'

const MOD = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform) ? '⌘' : 'Ctrl+'

interface ToolState {
  bold: boolean
  italic: boolean
  underline: boolean
  bulletList: boolean
  orderedList: boolean
  heading: boolean
  link: boolean
}

export function EditorToolbar({ editor, title }: { editor: Editor; title: string }) {
  const state = useEditorState<ToolState>({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive('bold'),
      italic: e.isActive('italic'),
      underline: e.isActive('underline'),
      bulletList: e.isActive('bulletList'),
      orderedList: e.isActive('orderedList'),
      heading: e.isActive('heading', { level: 3 }),
      link: e.isActive('link'),
    }),
  })
  const [linking, setLinking] = useState(false)
  const chain = () => editor.chain().focus()
  const tools: Array<{ key: keyof ToolState | 'undo' | 'redo'; label: string; shortcut: string; icon: string; run: () => void }> = [
    { key: 'bold', label: 'Bold', shortcut: `${MOD}B`, icon: 'B', run: () => chain().toggleBold().run() },
    { key: 'italic', label: 'Italic', shortcut: `${MOD}I`, icon: 'I', run: () => chain().toggleItalic().run() },
    { key: 'underline', label: 'Underline', shortcut: `${MOD}U`, icon: 'U', run: () => chain().toggleUnderline().run() },
    { key: 'heading', label: 'Heading', shortcut: `${MOD}Alt+3`, icon: 'H', run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: 'bulletList', label: 'Bulleted list', shortcut: `${MOD}Shift+8`, icon: '•', run: () => chain().toggleBulletList().run() },
    { key: 'orderedList', label: 'Numbered list', shortcut: `${MOD}Shift+7`, icon: '1.', run: () => chain().toggleOrderedList().run() },
    { key: 'undo', label: 'Undo', shortcut: `${MOD}Z`, icon: '↶', run: () => chain().undo().run() },
    { key: 'redo', label: 'Redo', shortcut: `${MOD}Shift+Z`, icon: '↷', run: () => chain().redo().run() },
  ]
  return (
    <div className="toolbar" role="group" aria-label={`Formatting: ${title}`}>
      {tools.map((tool) => {
        const pressed = tool.key === 'undo' || tool.key === 'redo' ? undefined : state[tool.key]
        return (
          <button
            key={tool.key}
            type="button"
            className={`toolbar__button toolbar__button--${tool.key}`}
            aria-pressed={pressed}
            title={`${tool.label} (${tool.shortcut})`}
            aria-label={`${tool.label} (${tool.shortcut})`}
            // Keep the editor's selection: the button acts on it.
            onMouseDown={(e) => e.preventDefault()}
            onClick={tool.run}
          >
            <span aria-hidden="true">{tool.icon}</span>
          </button>
        )
      })}
      <button
        type="button"
        className="toolbar__button toolbar__button--link"
        aria-pressed={state.link}
        aria-expanded={linking}
        title={`Link (${MOD}K)`}
        aria-label={`Link (${MOD}K)`}
        onMouseDown={(e) => e.preventDefault()}
        onClick={() => setLinking((v) => !v)}
      >
        <LinkIcon />
      </button>
      {linking && <LinkForm editor={editor} active={state.link} onDone={() => setLinking(false)} />}
    </div>
  )
}

/** The address of a link for the selected text: https, mailto or tel (what the schema allows). */
function LinkForm({ editor, active, onDone }: { editor: Editor; active: boolean; onDone: () => void }) {
  const id = useId()
  const [href, setHref] = useState(() => (editor.getAttributes('link').href as string | undefined) ?? '')
  const [problem, setProblem] = useState<string>()
  const submit = (e: FormEvent) => {
    e.preventDefault()
    const safe = safeLinkHref(href)
    if (!safe) {
      setProblem('Enter a web address starting https://, an email address or a phone number')
      return
    }
    editor.chain().focus().extendMarkRange('link').setLink({ href: safe }).run()
    onDone()
  }
  return (
    <form className="toolbar__link" onSubmit={submit}>
      <label htmlFor={id} className="toolbar__link-label">
        Link address
      </label>
      {problem && <span className="field__error">{problem}</span>}
      <input id={id} className="field__input toolbar__link-input" type="text" inputMode="url" value={href} onChange={(e) => setHref(e.target.value)} autoFocus />
      <button type="submit" className="button button--secondary">
        Add link
      </button>
      {active && (
        <button
          type="button"
          className="link-button"
          onClick={() => {
            editor.chain().focus().extendMarkRange('link').unsetLink().run()
            onDone()
          }}
        >
          Remove link
        </button>
      )}
    </form>
  )
}
