import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { applyChange, bindTextarea, diffText, transformIndex } from './text-binding.ts'

describe('diffText', () => {
  it('finds the one edit between two strings', () => {
    expect(diffText('abc', 'abc')).toBeNull()
    expect(diffText('', 'hello')).toEqual({ index: 0, remove: 0, insert: 'hello' })
    expect(diffText('hello', 'help')).toEqual({ index: 3, remove: 2, insert: 'p' })
    expect(diffText('Called mum', 'Called mum on Monday')).toEqual({ index: 10, remove: 0, insert: ' on Monday' })
    expect(diffText('abcdef', 'abef')).toEqual({ index: 2, remove: 2, insert: '' })
  })

  it('places an ambiguous insertion at the caret', () => {
    expect(diffText('aa', 'aaa', 1)).toEqual({ index: 0, remove: 0, insert: 'a' })
    expect(diffText('aa', 'aaa', 3)).toEqual({ index: 2, remove: 0, insert: 'a' })
    expect(diffText('a a', 'a a a', 2)).toEqual({ index: 0, remove: 0, insert: 'a ' })
  })

  it('always turns before into after', () => {
    const cases: Array<[string, string, number]> = [
      ['', '', 0],
      ['abc', 'xbc', 1],
      ['abcabc', 'abc', 3],
      ['the cat', 'the hat sat', 11],
      ['aaaa', 'aa', 1],
    ]
    for (const [before, after, cursor] of cases) expect(applyChange(before, diffText(before, after, cursor))).toBe(after)
  })
})

describe('transformIndex', () => {
  it('moves a caret past text inserted or deleted before it, never for changes after it', () => {
    expect(transformIndex(5, [{ insert: 'abc' }])).toBe(8)
    expect(transformIndex(5, [{ retain: 5 }, { insert: 'abc' }])).toBe(5)
    expect(transformIndex(5, [{ retain: 2 }, { delete: 2 }])).toBe(3)
    expect(transformIndex(5, [{ retain: 4 }, { delete: 4 }])).toBe(4)
    expect(transformIndex(5, [{ retain: 7 }, { delete: 1 }])).toBe(5)
  })
})

/** Just enough of a textarea for the binding. */
function fakeTextarea() {
  const listeners: Array<() => void> = []
  const doc = { activeElement: null as unknown }
  const el = {
    value: '',
    selectionStart: 0,
    selectionEnd: 0,
    ownerDocument: doc,
    addEventListener: (_: string, f: () => void) => listeners.push(f),
    removeEventListener: (_: string, f: () => void) => listeners.splice(listeners.indexOf(f), 1),
    setSelectionRange(start: number, end: number) {
      this.selectionStart = start
      this.selectionEnd = end
    },
    /** The user types: the browser changes the value and the caret, then fires input. */
    type(value: string, caret: number) {
      this.value = value
      this.selectionStart = this.selectionEnd = caret
      for (const f of [...listeners]) f()
    },
    focus() {
      doc.activeElement = el
    },
  }
  return el
}

describe('bindTextarea', () => {
  it('sends each input as the smallest edit and keeps the caret where it was as others type', () => {
    const a = new Y.Doc()
    const b = new Y.Doc()
    a.on('update', (u: Uint8Array) => Y.applyUpdate(b, u, 'remote'))
    b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'))
    const textA = a.getMap('row').set('progress', new Y.Text('Called mum'))
    const textB = b.getMap('row').get('progress') as Y.Text
    const el = fakeTextarea()
    const origins: unknown[] = []
    const unbind = bindTextarea(el as unknown as HTMLTextAreaElement, textA, (edit, origin) => {
      origins.push(origin)
      a.transact(edit, origin)
    })
    expect(el.value).toBe('Called mum')
    el.focus()
    el.type('Called mum today', 16)
    expect(textB.toString()).toBe('Called mum today')
    // Someone else writes at the start while the caret is after "mum".
    el.setSelectionRange(10, 10)
    textB.insert(0, 'Tue: ')
    expect(el.value).toBe('Tue: Called mum today')
    expect(el.selectionStart).toBe(15)
    expect(origins).toHaveLength(1)
    unbind()
    textB.insert(0, 'x')
    expect(el.value).toBe('Tue: Called mum today')
  })
})
