/**
 * Node 20 has no global `ErrorEvent`; @hono/node-ws constructs one when a socket errors, and would
 * otherwise crash the process instead of reporting the error.
 * @module
 */
globalThis.ErrorEvent ??= class ErrorEvent extends Event {
  readonly error: unknown
  constructor(type: string, init?: { error?: unknown }) {
    super(type)
    this.error = init?.error
  }
} as unknown as typeof globalThis.ErrorEvent
