/**
 * Loads one API resource for a page: its data, the failure in words, and `reload` after a change.
 * Without a network the page gets the answer this tab kept last time (`offline: true`, see
 * offline-cache.ts), so a page reloaded in a meeting room with no signal still opens.
 * @module
 */
import { useCallback, useEffect, useState } from 'react'
import type * as z from 'zod'
import { ApiFailure } from './client.ts'
import { cachedGet } from './offline-cache.ts'

export type Loaded<T> = { status: 'loading' } | { status: 'ok'; data: T; offline?: boolean } | { status: 'failed'; error: ApiFailure }

export function useApi<S extends z.ZodType>(path: string, schema: S): [Loaded<z.infer<S>>, () => void, (data: z.infer<S>) => void] {
  const [state, setState] = useState<Loaded<z.infer<S>>>({ status: 'loading' })
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let live = true
    cachedGet(path, schema).then(
      ({ data, offline }) => live && setState({ status: 'ok', data, offline }),
      (err: unknown) => live && setState({ status: 'failed', error: err instanceof ApiFailure ? err : new ApiFailure(0, 'internal', 'Something went wrong. Try again later.') }),
    )
    return () => {
      live = false
    }
  }, [path, schema, version])
  const reload = useCallback(() => setVersion((v) => v + 1), [])
  const replace = useCallback((data: z.infer<S>) => setState({ status: 'ok', data }), [])
  return [state, reload, replace]
}
