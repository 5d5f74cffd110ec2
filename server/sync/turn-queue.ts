/**
 * A room's two orders (DESIGN §5): the turns in which its live copy changes, one at a time, and the
 * commits of what those turns integrated, acknowledged in the order they were appended. A turn ends
 * when its change is applied in memory and handed to the store, not when the store commits, so the
 * commits of consecutive turns are grouped; whatever must wait for durability (a relay, an ack, a
 * sync step 2 reply) is chained after the commits appended so far.
 * @module
 */
import * as Y from 'yjs'
import { log } from '../log.ts'
import type { DocumentStore } from '../store/document-store.ts'

/** What one transaction on the live copy changed: yjs's own encoding of it, and the transaction. */
export interface Captured {
  update: Uint8Array
  transaction: Y.Transaction
}

export class TurnQueue {
  private current: Y.Doc
  private turns: Promise<unknown> = Promise.resolve()
  private commits: Promise<void> = Promise.resolve()
  private captured: Captured | null = null
  private capturing = false
  private failed = false
  /** Counts changes to the live copy (and reloads): equal versions, equal content. */
  version = 0

  constructor(
    doc: Y.Doc,
    private readonly store: DocumentStore,
    private readonly name: string,
    /** Called once when an append fails: memory then holds a change the store lacks. */
    private readonly onFailed: (err: unknown) => void,
  ) {
    this.current = doc
    doc.on('update', this.onUpdate)
  }

  get doc(): Y.Doc {
    return this.current
  }

  /** Runs `work` after every turn queued before it; its errors reach the caller, not the queue. */
  run<T>(work: () => T | Promise<T>): Promise<T> {
    const next = this.turns.then(() => {
      if (this.failed) throw new Error('room failed')
      return work()
    })
    this.turns = next.catch(() => {})
    return next
  }

  /** Runs `change` on the live copy and returns what it changed (null when nothing changed). */
  capture(change: () => void): Captured | null {
    this.captured = null
    this.capturing = true
    try {
      change()
    } finally {
      this.capturing = false
    }
    const captured = this.captured
    this.captured = null
    return captured
  }

  /**
   * Hands `update` to the store now (so it joins the group commit) and runs `after` once it and every
   * update appended before it are durable. With `check`, the store refuses it if any of those sections
   * (or the whole document) is locked in the store at commit time. A failed append fails the room; `after` then never runs.
   */
  append(update: Uint8Array, check: { sections: ReadonlySet<string> } | undefined, after: () => void): Promise<void> {
    const appended = this.store.append(this.name, update, check)
    appended.catch(() => {}) // handled below, in order; never an unhandled rejection meanwhile
    const done = this.commits.then(() => appended).then(after, (err: unknown) => {
      if (!this.failed) {
        this.failed = true
        this.onFailed(err)
      }
      throw err
    })
    this.commits = done.catch(() => {})
    return done
  }

  /** Runs `work` once everything appended so far is durable. */
  afterCommits(work: () => void): void {
    this.commits = this.commits.then(work).catch(() => {})
  }

  /** Resolves once everything appended so far is durable (or failed). */
  committed(): Promise<void> {
    return this.commits
  }

  /** Swaps the live copy (a reload); the old one is destroyed. */
  replace(doc: Y.Doc): void {
    this.current.off('update', this.onUpdate)
    this.current.destroy()
    this.current = doc
    this.version++
    doc.on('update', this.onUpdate)
  }

  destroy(): void {
    this.current.off('update', this.onUpdate)
    this.current.destroy()
  }

  private readonly onUpdate = (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction): void => {
    if (!this.capturing) {
      // Every change goes through a turn; one that did not is neither stored nor relayed.
      log.error('room.change_outside_turn', { doc: this.name })
      return
    }
    this.version++
    this.captured = this.captured ? { update: Y.mergeUpdates([this.captured.update, update]), transaction } : { update, transaction }
  }
}
