#!/usr/bin/env bash
# `npm run test:e2e`: Dunmark in a real editor, on a machine that reaches only npm and Debian apt.
#   1. setup.sh (idempotent: apt packages, code-server 4.100.3, playwright-core, vsce into $E2E_HOME)
#   2. build the extension bundles unless DUNMARK_E2E_SKIP_BUILD=1, bundle the mocha suite
#   3. run the suite in code-server's node extension host (prints "N passed, N failed")
#   4. the browser smoke test: package + install the .vsix, open a letter, read the Problems panel,
#      save a screenshot to out/e2e/editor-smoke.png (DUNMARK_UPDATE_SCREENSHOT=1: to docs/images/,
#      the pictures the README and docs/ show; a plain test run leaves the tracked file alone)
#   5. drafting: the facts form filled through the browser for every drafting command (drafting-ui.mjs)
#   6. export: setup-export.sh (LibreOffice, CJK fonts, poppler), `dunmark export --to pdf` checked with
#      pdftotext and page 1 rendered with pdftoppm (out/e2e/, or docs/images/ as above), and the export
#      command run from the Command Palette and the editor title in code-server
#   6. the Cases view (cases-ui.mjs): three example cases grouped right, the badge, Draft Next Letter by clicking
#   7. the e-mail draft's HTML in Chromium (eml-html.mjs); Approve Letter, a changed figure, export refused (approval-ui.mjs)
# Options: --ui-only (steps 1, 2 and 4), --no-ui (steps 1-3).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
export E2E_HOME="${E2E_HOME:-$HOME/.cache/e2e}"
ui=1 integration=1
for arg in "$@"; do
  case "$arg" in
    --ui-only) integration=0 ;;
    --no-ui) ui=0 ;;
    *) echo "unknown option $arg" >&2; exit 2 ;;
  esac
done

bash test/e2e/setup.sh
if [[ "${DUNMARK_E2E_SKIP_BUILD:-}" != 1 || ! -f dist/extension.cjs ]]; then node esbuild.config.mjs; fi
status=0
if ((integration)); then
  node test/e2e/build-integration.mjs
  timeout 900 node test/e2e/run-integration.mjs --extension . --tests "$PWD/out/integration/index.cjs" --workspace "$PWD/test/integration/fixtures" || status=$?
fi
if ((ui)); then
  shot="$PWD/out/e2e/editor-smoke.png"
  [[ "${DUNMARK_UPDATE_SCREENSHOT:-}" == 1 ]] && shot="$PWD/docs/images/editor-smoke.png"
  timeout 300 node test/e2e/smoke.mjs --extension . --workspace "$PWD/test/integration/fixtures" \
    --file reminder-wrong-stage.md --expect-problem 'Unexpected `Second Reminder` for `stage`' \
    --screenshot "$shot" || status=$?
fi
if ((ui)); then
  # drafting through the facts form (New Letter, Escalate from every example, New Call Summary, Insert
  # Guarantor Clause); the form's screenshots go to out/e2e/ (DUNMARK_UPDATE_SCREENSHOT=1: docs/images/)
  forms="$PWD/out/e2e"
  [[ "${DUNMARK_UPDATE_SCREENSHOT:-}" == 1 ]] && forms="$PWD/docs/images"
  timeout 600 node test/e2e/drafting-ui.mjs --extension . --workspace "$PWD/examples" --screenshots "$forms" || status=$?
fi
bash test/e2e/setup-export.sh
page1="$PWD/out/e2e/export-letter-before-action.png"
[[ "${DUNMARK_UPDATE_SCREENSHOT:-}" == 1 ]] && page1="$PWD/docs/images/export-letter-before-action.png"
timeout 300 node test/e2e/export-pdf.mjs --png "$page1" || status=$?
# the e-mail draft's HTML part rendered in Chromium (out/e2e/, or docs/images/ as above)
emlshot="$PWD/out/e2e/eml-html.png"
[[ "${DUNMARK_UPDATE_SCREENSHOT:-}" == 1 ]] && emlshot="$PWD/docs/images/eml-html.png"
timeout 300 node test/e2e/eml-html.mjs --png "$emlshot" || status=$?
if ((ui)); then
  timeout 300 node test/e2e/cases-ui.mjs --extension . --workspace "$PWD/examples/cases" --screenshot "$PWD/out/e2e/cases-ui.png" || status=$?
  timeout 300 node test/e2e/export-ui.mjs --extension . --workspace "$PWD/examples" --file letter-before-action-bilingual.md \
    --screenshot "$PWD/out/e2e/export-ui.png" || status=$?
  # a reviewer's approval: approve, edit one figure, the error and the status bar, export refused until approved again
  timeout 300 node test/e2e/approval-ui.mjs --extension . --workspace "$PWD/examples" --screenshot "$PWD/out/e2e/approval-ui.png" || status=$?
fi
exit "$status"
