/**
 * An in-memory fan-out for unit tests of the sync core: every node's messages reach every other node's
 * listeners of the same document (and its broadcasts every other node), at once, as Redis would.
 */
import type { ClusterMessage, Fanout, FanoutListener, FanoutMessage } from '../../server/sync/fanout.ts'

/** Every node's messages reach every other node's listeners of the same document, at once. */
export class MemoryHub {
  readonly published: Array<{ from: string; doc: string; message: FanoutMessage }> = []
  readonly broadcasts: Array<{ from: string; message: ClusterMessage }> = []
  private readonly listeners = new Map<string, Set<{ node: string; listener: FanoutListener }>>()
  private readonly clusterListeners = new Set<{ node: string; listener: (message: ClusterMessage) => void }>()

  node(id: string): Fanout {
    return {
      subscribe: async (doc, listener) => {
        const entry = { node: id, listener }
        const set = this.listeners.get(doc) ?? new Set()
        set.add(entry)
        this.listeners.set(doc, set)
        return { close: () => set.delete(entry) }
      },
      publish: (doc, message) => {
        this.published.push({ from: id, doc, message })
        for (const e of this.listeners.get(doc) ?? []) if (e.node !== id) e.listener.message(message)
      },
      broadcast: (message) => {
        this.broadcasts.push({ from: id, message })
        for (const e of this.clusterListeners) if (e.node !== id) e.listener(message)
      },
      onBroadcast: (listener) => {
        const entry = { node: id, listener }
        this.clusterListeners.add(entry)
        return () => this.clusterListeners.delete(entry)
      },
      close: async () => {},
    }
  }

  subscribers(doc: string): number {
    return this.listeners.get(doc)?.size ?? 0
  }
}
