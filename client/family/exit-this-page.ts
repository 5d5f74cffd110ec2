/**
 * "Exit this page" (issue 14, item 4), the GOV.UK pattern: a button, and the Shift key pressed three
 * times within {@link SHIFT_WINDOW_MS}, both replace the page at once with a neutral site. The
 * replacement uses `location.replace`, so the page the family member was on leaves no entry in the
 * tab's history (the back button does not return to it); family pages also navigate among themselves
 * with `location.replace` (family-navigation.ts), so a whole visit is a single history entry, which the
 * exit then replaces. Before leaving, the page is blanked, the session is ended (so coregroup opened
 * again on this device asks for a password) and anything this tab kept is deleted.
 * @module
 */
import { clearCache } from '../api/offline-cache.ts'
import { signOutOnExit } from '../session.ts'

/** Where the exit goes: a neutral, everyday site (GOV.UK's own default). */
export const EXIT_URL = 'https://www.bbc.co.uk/weather'

/** Three presses of Shift within this many milliseconds exit (GOV.UK: 5 seconds). */
export const SHIFT_WINDOW_MS = 5000

/** Counts presses of the Shift key on its own; `press` returns how many within the window so far. */
export class ShiftCounter {
  private presses: number[] = []
  constructor(private readonly now: () => number = () => performance.now()) {}
  /** One press of Shift; returns the presses within the window, this one included. */
  press(): number {
    const t = this.now()
    this.presses = [...this.presses.filter((p) => t - p < SHIFT_WINDOW_MS), t]
    return this.presses.length
  }
  /** Another key was pressed with or instead of Shift: start again. */
  reset(): void {
    this.presses = []
  }
}

/** Leaves for the neutral site at once, without a history entry, blanking the page first. */
export function exitThisPage(): void {
  document.body.classList.add('family-exiting')
  try {
    // Whoever picks up the device next and opens coregroup again finds it signed out.
    signOutOnExit()
    clearCache()
    sessionStorage.clear()
  } catch {
    // storage unavailable: nothing was kept
  }
  window.location.replace(EXIT_URL)
}
