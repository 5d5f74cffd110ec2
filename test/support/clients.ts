/**
 * Node clients for integration tests: the real y-websocket provider (through `DocumentSync`), and a
 * raw socket for sending hand-made frames.
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import { DocumentSync } from '../../client/collab/document-sync.ts'

/** A `ws` WebSocket that sends the session cookie (and this site's Origin) with the upgrade. */
export function cookieWebSocket(cookie: string | undefined): typeof globalThis.WebSocket {
  return class extends WebSocket {
    constructor(url: string | URL, protocols?: string | string[]) {
      const u = new URL(url)
      super(url, protocols, { headers: { ...(cookie ? { cookie } : {}), origin: `http://${u.host}` } })
    }
  } as unknown as typeof globalThis.WebSocket
}

/** A y-websocket client (through DocumentSync) signed in as `user` (by its cookie). */
export function openClient(syncUrl: string, name: string, user?: { cookie: string }): DocumentSync {
  return new DocumentSync({ serverUrl: syncUrl, name, WebSocketImpl: cookieWebSocket(user?.cookie), maxBackoffTime: 200 })
}

/** Waits until `predicate` holds, checking on every change of `doc` (and every 20 ms). */
export function waitFor(predicate: () => boolean, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  return new Promise((resolve, reject) => {
    if (predicate()) return resolve()
    const started = Date.now()
    const timer = setInterval(() => {
      if (predicate()) {
        clearInterval(timer)
        resolve()
      } else if (Date.now() - started > timeoutMs) {
        clearInterval(timer)
        reject(new Error(`timed out waiting for ${what}`))
      }
    }, 10)
  })
}

/** The plain text of a rich-text section (a Y.XmlFragment holding paragraphs of Y.XmlText). */
export function sectionText(doc: Y.Doc, section: string): string {
  return doc
    .getXmlFragment(section)
    .toArray()
    .map((node) => (node instanceof Y.XmlElement ? node.toArray().map((t) => t.toString()).join('') : node.toString()))
    .join('\n')
}

/** Types `text` at the end of a section's first paragraph, as one transaction. */
export function typeInto(doc: Y.Doc, section: string, text: string): void {
  const fragment = doc.getXmlFragment(section)
  doc.transact(() => {
    let paragraph = fragment.get(0) as Y.XmlElement | undefined
    if (!paragraph) {
      paragraph = new Y.XmlElement('paragraph')
      paragraph.insert(0, [new Y.XmlText()])
      fragment.insert(0, [paragraph])
    }
    const t = paragraph.get(0) as Y.XmlText
    t.insert(t.length, text)
  })
}

/** Opens a raw websocket and resolves when it is open; collects frames and the close event. */
export async function openRawSocket(url: string, user?: { cookie: string }) {
  const ws = new WebSocket(url, { headers: { ...(user ? { cookie: user.cookie } : {}), origin: `http://${new URL(url).host}` } })
  const frames: Uint8Array[] = []
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  )
  ws.on('error', () => {})
  ws.on('message', (data: Buffer) => frames.push(new Uint8Array(data)))
  await new Promise<void>((resolve, reject) => {
    ws.once('open', () => resolve())
    ws.once('error', reject)
  })
  return { ws, frames, closed }
}
