/**
 * The client's entry: the session gate and a small path router over the pages.
 * @module
 */
import { StrictMode, useEffect, type ReactNode } from 'react'
import { createRoot } from 'react-dom/client'
import { parseDocumentName } from '../schemas/documents.ts'
import { identityOf } from './collab/identity.ts'
import { Header } from './components/Header.tsx'
import { ExitThisPage } from './family/ExitThisPage.tsx'
import { replaceFamilyNavigation } from './family/family-navigation.ts'
import { familyRoutes } from './family/family-routes.tsx'
import { routes, type RouteContext } from './routes.tsx'
import { InvitePage } from './pages/InvitePage.tsx'
import { ResetPasswordPage } from './pages/ResetPasswordPage.tsx'
import { SignInPage } from './pages/SignInPage.tsx'
import { DocumentPage } from './pages/DocumentPage.tsx'
import { loadSession, useSession } from './session.ts'
import './styles.css'

function Page(): ReactNode {
  const session = useSession()
  useEffect(() => {
    void loadSession()
  }, [])
  const path = decodeURIComponent(location.pathname)
  const invite = /^\/invite\/([A-Za-z0-9_-]+)$/.exec(path)
  if (invite) return <InvitePage token={invite[1]!} />
  const reset = /^\/reset\/([A-Za-z0-9_-]+)$/.exec(path)
  if (reset) return <ResetPasswordPage token={reset[1]!} />
  if (session.status === 'loading') return <main className="page" aria-busy="true" />
  if (session.status === 'signed-out') return <SignInPage />
  const user = session.session.user
  const ctx: RouteContext = { user, identity: identityOf(user) }
  const doc = /^\/documents\/(.+)$/.exec(path)
  if (doc && parseDocumentName(doc[1]!)) return <DocumentPage name={doc[1]!} identity={ctx.identity} />
  // Family accounts have pages of their own, and none of the staff-only ones (client/family/).
  for (const route of user.accountRole === 'family' ? familyRoutes : routes) {
    const m = route.pattern.exec(path)
    if (m) return route.render(m, ctx)
  }
  return (
    <main className="page" id="main-content">
      <h1 className="page__title">Page not found</h1>
      <p>
        <a href="/">Go to your cases</a>
      </p>
    </main>
  )
}

function App() {
  const session = useSession()
  const family = session.status === 'signed-in' && session.session.user.accountRole === 'family'
  // A family member's visit leaves one history entry, which "Exit this page" replaces.
  useEffect(() => (family ? replaceFamilyNavigation() : undefined), [family])
  return (
    <>
      <a href="#main-content" className="skip-link">
        Skip to main content
      </a>
      {family && <ExitThisPage />}
      <Header user={session.status === 'signed-in' ? session.session.user : null} />
      <Page />
    </>
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
