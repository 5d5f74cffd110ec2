/**
 * Keeps a failure inside one section's editor from taking the whole page down: the section says it
 * cannot be shown, and every other section, the save status and presence carry on. Nothing is written.
 * @module
 */
import { Component, type ReactNode } from 'react'

interface Props {
  title: string
  children: ReactNode
}

export class SectionBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false }

  static getDerivedStateFromError(): { failed: boolean } {
    return { failed: true }
  }

  override componentDidCatch(error: unknown): void {
    // The error's text may quote document content: only its kind goes to the console.
    console.error('section failed to render', error instanceof Error ? error.name : typeof error)
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children
    return (
      <section className="section section--unshowable">
        <h2>{this.props.title}</h2>
        <p className="section__notice">This section holds content this page cannot show. It is kept as it is; nothing was changed.</p>
      </section>
    )
  }
}
