#!/usr/bin/env bash
# The Nu HTML Checker (npm vnu-jar, run with Debian's Java) over the pages of
# pages.txt in a built portal. Prints every error; exits 1 when there is any.
#   Usage: tests/browser/vnu.sh SITE_DIR [PAGES_FILE]   (default: pages.txt, the sample portal's)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
site=$1
list=${2:-$here/pages.txt}
files=()
while IFS= read -r p; do
  case "$p" in ''|'#'*) continue ;; esac
  f="$site$p"; [ "${p%/}" != "$p" ] && f="${f}index.html"
  [ -f "$f" ] || { echo "vnu.sh: $p was not built ($f)"; exit 1; }
  files+=("$f")
done < "$list"
java -Xss2m -jar "$here/node_modules/vnu-jar/build/dist/vnu.jar" --errors-only --format gnu "${files[@]}" 2>&1 \
  | sed "s#^\"\?file:$site##; s#^\"\?$site##"
status=${PIPESTATUS[0]}
echo "vnu: ${#files[@]} pages checked, exit status $status"
exit "$status"
