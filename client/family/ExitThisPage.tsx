/**
 * The "Exit this page" button on every family page (GOV.UK pattern; exit-this-page.ts): always at the
 * top, and the Shift key three times from anywhere on the page. A live region says how many more
 * presses are needed, as GOV.UK's does.
 * @module
 */
import { useEffect, useRef, useState } from 'react'
import { EXIT_URL, exitThisPage, ShiftCounter } from './exit-this-page.ts'
import './family.css'

export function ExitThisPage() {
  const counter = useRef(new ShiftCounter())
  const [status, setStatus] = useState('')
  const [exiting, setExiting] = useState(false)
  useEffect(() => {
    const exit = () => {
      setExiting(true)
      exitThisPage()
    }
    const onKeyUp = (e: KeyboardEvent) => {
      if (e.key !== 'Shift') {
        counter.current.reset()
        return
      }
      const n = counter.current.press()
      if (n >= 3) exit()
      else setStatus(`Shift, press ${3 - n} more ${3 - n === 1 ? 'time' : 'times'} to exit.`)
    }
    const onKeyDown = (e: KeyboardEvent) => {
      // Shift held with another key (typing a capital letter) is not an exit press.
      if (e.key !== 'Shift') counter.current.reset()
    }
    document.addEventListener('keyup', onKeyUp)
    document.addEventListener('keydown', onKeyDown)
    return () => {
      document.removeEventListener('keyup', onKeyUp)
      document.removeEventListener('keydown', onKeyDown)
    }
  }, [])
  return (
    <div className="exit-this-page" data-testid="exit-this-page">
      <a
        href={EXIT_URL}
        className="exit-this-page__button"
        role="button"
        onClick={(e) => {
          e.preventDefault()
          setExiting(true)
          exitThisPage()
        }}
      >
        <span className="visually-hidden">Emergency: </span>Exit this page
      </a>
      <p className="exit-this-page__hint">or press Shift 3 times</p>
      <p className="visually-hidden" aria-live="polite">
        {status}
      </p>
      {exiting && (
        <div className="exit-this-page__overlay" role="status">
          Loading.
        </div>
      )}
    </div>
  )
}
