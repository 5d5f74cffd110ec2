#!/usr/bin/env bash
# The DOCX render test converts exports to PDF with LibreOffice and reads them with poppler. Install
# both when missing and we can (root with apt: about a minute); otherwise say so in one line and exit 1
# (the render test then skips).
set -euo pipefail
if command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && command -v pdfinfo >/dev/null 2>&1; then exit 0; fi
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
  echo "LibreOffice or poppler not found: installing libreoffice-writer-nogui and poppler-utils…"
  apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-writer-nogui poppler-utils >/dev/null
  command -v soffice >/dev/null 2>&1 && command -v pdftotext >/dev/null 2>&1 && exit 0
fi
echo "The DOCX render test needs LibreOffice and poppler: install them with 'sudo apt-get install -y --no-install-recommends libreoffice-writer-nogui poppler-utils'." >&2
exit 1
