/**
 * Which rich-text sections of an open document hold any text (the contents list's "written" mark, and
 * whether an absent member's update counts as their report). Read after each change, at most a few
 * times a second.
 * @module
 */
import { useEffect, useState } from 'react'
import type { DocumentSync } from '../collab/document-sync.ts'
import { sectionPlainText } from '../editor/section-content.ts'

export function useSectionsWithText(sync: DocumentSync | null, sections: readonly string[]): ReadonlySet<string> {
  const [written, setWritten] = useState<ReadonlySet<string>>(new Set())
  const key = sections.join('\n')
  useEffect(() => {
    if (!sync) return
    let timer: ReturnType<typeof setTimeout> | null = null
    const read = () => {
      timer = null
      const next = new Set<string>()
      for (const name of key.split('\n')) {
        if (sectionPlainText(sync.doc.getXmlFragment(name)).some((line) => line.trim() !== '')) next.add(name)
      }
      setWritten((prev) => (sameSet(prev, next) ? prev : next))
    }
    const later = () => {
      timer ??= setTimeout(read, 250)
    }
    read()
    sync.doc.on('update', later)
    return () => {
      sync.doc.off('update', later)
      if (timer) clearTimeout(timer)
    }
  }, [sync, key])
  return written
}

function sameSet(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
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
