/**
 * Loads one API resource for a page: its data, the failure in words, and `reload` after a change.
 * @module
 */
import { useCallback, useEffect, useState } from 'react'
import type { z } from 'zod'
import { api, ApiFailure } from './client.ts'

export type Loaded<T> = { status: 'loading' } | { status: 'ok'; data: T } | { status: 'failed'; error: ApiFailure }

export function useApi<S extends z.ZodType>(path: string, schema: S): [Loaded<z.infer<S>>, () => void, (data: z.infer<S>) => void] {
  const [state, setState] = useState<Loaded<z.infer<S>>>({ status: 'loading' })
  const [version, setVersion] = useState(0)
  useEffect(() => {
    let live = true
    api('GET', path, schema).then(
      (data) => live && setState({ status: 'ok', data }),
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
