/**
 * The client's entry: a tiny path router over the pages.
 * @module
 */
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { parseDocumentName } from '../schemas/documents.ts'
import { DocumentPage } from './pages/DocumentPage.tsx'
import './styles.css'

function App() {
  const path = decodeURIComponent(location.pathname)
  const m = /^\/documents\/(.+)$/.exec(path)
  if (m && parseDocumentName(m[1]!)) return <DocumentPage name={m[1]!} />
  if (path === '/' || path === '') {
    location.replace('/documents/demo:welcome')
    return null
  }
  return (
    <main className="page">
      <h1 className="page__title">Page not found</h1>
      <p>
        <a href="/">Go to the demo document</a>
      </p>
    </main>
  )
}

// The service worker keeps the app shell so the page opens offline (client/public/sw.js).
if ('serviceWorker' in navigator && import.meta.env.PROD) {
  void navigator.serviceWorker.register('/sw.js').catch(() => {
    // Without it the app still works online; nothing to tell the user.
  })
}

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
)
