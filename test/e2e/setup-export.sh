#!/usr/bin/env bash
# Installs what the PDF export test needs, idempotently, from Debian: LibreOffice Writer without a
# GUI (soffice --convert-to pdf), CJK fonts (Noto: the Chinese half), Carlito (Calibri's metrics,
# the built-in layout's Latin font) and poppler (pdftotext, pdftoppm). Root or sudo for apt.
# A second run finds everything in place and changes nothing.
set -euo pipefail
PACKAGES=(libreoffice-writer-nogui fonts-noto-cjk fonts-crosextra-carlito poppler-utils)
missing=()
for p in "${PACKAGES[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if ((${#missing[@]})); then
  SUDO=; [[ $(id -u) != 0 ]] && SUDO=sudo
  echo "[setup-export] apt-get install ${missing[*]}" >&2
  log="$(mktemp)"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >"$log" 2>&1 \
    || { tail -30 "$log" >&2; rm -f "$log"; exit 1; }
  rm -f "$log"
else
  echo "[setup-export] LibreOffice, fonts and poppler present" >&2
fi
for b in soffice pdftotext pdftoppm pdfinfo; do command -v "$b" >/dev/null || { echo "[setup-export] missing $b" >&2; exit 1; }; done
