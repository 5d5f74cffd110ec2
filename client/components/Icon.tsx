/**
 * Small inline icons drawn as SVG, so they show on every device (emoji fonts are not everywhere). They
 * only add to words, never replace them: each is hidden from screen readers.
 * @module
 */
export function LockIcon({ className = 'icon' }: { className?: string }) {
  return (
    <svg className={className} width="14" height="16" viewBox="0 0 14 16" aria-hidden="true" focusable="false">
      <path d="M3 7V5a4 4 0 0 1 8 0v2" fill="none" stroke="currentColor" strokeWidth="2" />
      <rect x="1" y="7" width="12" height="9" rx="1.5" fill="currentColor" />
    </svg>
  )
}

export function LinkIcon({ className = 'icon' }: { className?: string }) {
  return (
    <svg className={className} width="18" height="12" viewBox="0 0 18 12" aria-hidden="true" focusable="false">
      <path d="M7 2H5a4 4 0 0 0 0 8h2M11 2h2a4 4 0 0 1 0 8h-2M6 6h6" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
    </svg>
  )
}
