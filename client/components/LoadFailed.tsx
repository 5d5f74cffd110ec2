import type { ApiFailure } from '../api/client.ts'

/** A page whose data could not be loaded: the reason in words and a way back. */
export function LoadFailed({ error, what }: { error: ApiFailure; what: string }) {
  return (
    <main className="page" id="main-content">
      <h1 className="page__title">{error.status === 404 ? `${what} not found` : `This ${what.toLowerCase()} cannot be shown`}</h1>
      <p>{error.status === 404 ? 'It may have been removed, or you may not be a member of its core group.' : error.message}</p>
      <p>
        <a href="/">Go to your cases</a>
      </p>
    </main>
  )
}
