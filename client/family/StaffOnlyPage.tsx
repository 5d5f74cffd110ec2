/**
 * What a family account sees at an address that is for staff only (the users list, the audit trail,
 * starting a case): a plain "not for you" with the way back. Nothing is loaded; the server refuses the
 * APIs behind these pages to family accounts anyway.
 * @module
 */
export function StaffOnlyPage() {
  return (
    <main className="page family-page" id="main-content">
      <h1 className="page__title">This page is for staff</h1>
      <p>This part of coregroup is only for the social care staff who run it.</p>
      <p>
        <a href="/">Go back to your page</a>
      </p>
    </main>
  )
}
