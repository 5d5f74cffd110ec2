import type { SessionUser } from '../../schemas/api/session.ts'
import { signOut } from '../session.ts'

/** The service header: name, who is signed in, sign out. */
export function Header({ user }: { user: SessionUser | null }) {
  return (
    <header className="header">
      <div className="header__inner">
        <a className="header__service" href="/">
          coregroup
        </a>
        {user && (
          <nav className="header__nav" aria-label="Account">
            {user.accountRole !== 'family' && (
              <a className="header__link" href="/team">
                Team
              </a>
            )}
            {user.accountRole === 'administrator' && (
              <>
                <a className="header__link" href="/admin/users">
                  Users
                </a>
                <a className="header__link" href="/admin/settings">
                  Settings
                </a>
              </>
            )}
            <span className="header__user" data-testid="signed-in-as">{user.name}</span>
            <button className="link-button" type="button" onClick={() => void signOut()}>
              Sign out
            </button>
          </nav>
        )}
      </div>
    </header>
  )
}
