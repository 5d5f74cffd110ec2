/**
 * Which rich-text sections of an open document hold any text (the contents list's "written" mark, and
 * whether an absent member's update counts as their report). Read after each change, at most a few
 * times a second.
 * @module
 */
import { useEffect, useRef, useState } from 'react'
import type * as Y from 'yjs'
import type { DocumentSync } from '../collab/document-sync.ts'
import { sectionPlainText } from '../editor/section-content.ts'

export function useSectionsWithText(sync: DocumentSync | null, sections: readonly string[]): ReadonlySet<string> {
  const key = sections.join('\n')
  return useThrottledRead(
    sync,
    key,
    (doc) => new Set(key.split('\n').filter((name) => sectionPlainText(doc.getXmlFragment(name)).some((line) => line.trim() !== ''))),
    EMPTY_SET,
    sameSet,
  )
}

const EMPTY_SET: ReadonlySet<string> = new Set()

/**
 * `read(doc)` of an open document, read again after each change at most a few times a second (every
 * 250 ms while it changes). `key` names what `read` depends on besides the document; `same` keeps the
 * previous answer (and spares a render) when nothing it shows changed.
 */
export function useThrottledRead<T>(sync: DocumentSync | null, key: string, read: (doc: Y.Doc) => T, initial: T, same: (a: T, b: T) => boolean = () => false): T {
  const [value, setValue] = useState<T>(initial)
  const reader = useRef(read)
  reader.current = read
  useEffect(() => {
    if (!sync) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const update = () => {
      timer = null
      const next = reader.current(sync.doc)
      setValue((prev) => (same(prev, next) ? prev : next))
    }
    const later = () => {
      timer ??= setTimeout(update, 250)
    }
    update()
    sync.doc.on('update', later)
    return () => {
      sync.doc.off('update', later)
      if (timer) clearTimeout(timer)
    }
    // `read` is read through a ref and depends only on `key`: the subscription depends on these two.
  }, [sync, key])
  return value
}

export function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  return a.size === b.size && [...a].every((x) => b.has(x))
}

/** Whether a media query matches now, following changes (the contents list: beside or above). */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => typeof matchMedia !== 'undefined' && matchMedia(query).matches)
  useEffect(() => {
    const list = matchMedia(query)
    const change = () => setMatches(list.matches)
    change()
    list.addEventListener('change', change)
    return () => list.removeEventListener('change', change)
  }, [query])
  return matches
}
