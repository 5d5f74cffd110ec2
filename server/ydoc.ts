/**
 * A `Y.Doc` for the server's own use. Yjs gives every doc a random `guid` (31 calls to
 * `crypto.getRandomValues`) that only subdocuments need, and the server has none: a fixed one makes
 * each room, presence and scratch doc cheaper to create (issue 16 §2; it showed in the S2 profile at
 * connect). The guid is never encoded in an update, so clients see no difference.
 * @module
 */
import * as Y from 'yjs'

export function serverDoc(options: { gc?: boolean } = {}): Y.Doc {
  return new Y.Doc({ guid: 'coregroup-server', gc: options.gc ?? true })
}
