import { describe, expect, it } from 'vitest'
import { SHIFT_WINDOW_MS, ShiftCounter } from './exit-this-page.ts'

describe('Shift pressed three times', () => {
  it('counts presses within the window and forgets older ones', () => {
    let now = 0
    const counter = new ShiftCounter(() => now)
    expect(counter.press()).toBe(1)
    now = 1000
    expect(counter.press()).toBe(2)
    now = SHIFT_WINDOW_MS + 500
    // The first press is now too old.
    expect(counter.press()).toBe(2)
    now += 100
    expect(counter.press()).toBe(3)
  })

  it('starts again after another key', () => {
    let now = 0
    const counter = new ShiftCounter(() => now++)
    counter.press()
    counter.press()
    counter.reset()
    expect(counter.press()).toBe(1)
  })
})
