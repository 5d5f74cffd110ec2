/**
 * A small collaborative binding of a plain `<textarea>` to a `Y.Text` (a plan row's progress notes):
 * each input becomes the smallest delete-and-insert on the shared text, and others' changes arrive in
 * the textarea without moving the writer's caret off the words it was in.
 * @module
 */
import type * as Y from 'yjs'

/** One edit: at `index`, remove `remove` characters and insert `insert`. */
export interface TextChange {
  index: number
  remove: number
  insert: string
}

/**
 * The single edit that turns `before` into `after`, or null when they are the same. `cursor`, the
 * caret after the edit, places it where several are possible (typing "a" into "aa" at the start).
 */
export function diffText(before: string, after: string, cursor?: number): TextChange | null {
  if (before === after) return null
  let suffixMax = Math.min(before.length, after.length)
  if (cursor !== undefined) suffixMax = Math.max(0, Math.min(suffixMax, after.length - cursor))
  let suffix = 0
  while (suffix < suffixMax && before[before.length - 1 - suffix] === after[after.length - 1 - suffix]) suffix++
  const prefixMax = Math.min(before.length, after.length) - suffix
  let prefix = 0
  while (prefix < prefixMax && before[prefix] === after[prefix]) prefix++
  return { index: prefix, remove: before.length - prefix - suffix, insert: after.slice(prefix, after.length - suffix) }
}

/** Applies an edit to a string (for tests and for checking a change before it is sent). */
export function applyChange(value: string, change: TextChange | null): string {
  if (change === null) return value
  return value.slice(0, change.index) + change.insert + value.slice(change.index + change.remove)
}

type Delta = ReadonlyArray<{ retain?: number; insert?: unknown; delete?: number }>

/** Where a caret at `index` lands after a change described by a Yjs delta (inserts at the caret stay after it). */
export function transformIndex(index: number, delta: Delta): number {
  let oldPos = 0
  let result = index
  for (const op of delta) {
    if (op.retain !== undefined) oldPos += op.retain
    else if (op.insert !== undefined) {
      const length = typeof op.insert === 'string' ? op.insert.length : 1
      if (oldPos < index) result += length
    } else if (op.delete !== undefined) {
      if (oldPos < index) result -= Math.min(op.delete, index - oldPos)
      oldPos += op.delete
    }
  }
  return result
}

/**
 * Binds `el` to `text` until the returned function is called. `transact` runs each local edit in one
 * transaction with `origin` (the caller adds the row's changed date to it).
 */
export function bindTextarea(
  el: HTMLTextAreaElement,
  text: Y.Text,
  transact: (edit: () => void, origin: unknown) => void,
): () => void {
  const origin = { binding: 'textarea' }
  el.value = text.toString()
  const onInput = () => {
    const change = diffText(text.toString(), el.value, el.selectionEnd)
    if (change === null) return
    transact(() => {
      if (change.remove > 0) text.delete(change.index, change.remove)
      if (change.insert !== '') text.insert(change.index, change.insert)
    }, origin)
  }
  const onRemote = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === origin) return
    const value = text.toString()
    if (value === el.value) return
    const focused = el.ownerDocument.activeElement === el
    const start = transformIndex(el.selectionStart, event.delta as Delta)
    const end = transformIndex(el.selectionEnd, event.delta as Delta)
    el.value = value
    if (focused) el.setSelectionRange(start, end)
  }
  el.addEventListener('input', onInput)
  text.observe(onRemote)
  return () => {
    el.removeEventListener('input', onInput)
    text.unobserve(onRemote)
  }
}
