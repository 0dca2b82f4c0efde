#!/usr/bin/env bash
# Builds web/dist/: the compiled stylesheet, GOV.UK Frontend's script, a module that starts it,
# and the favicon, each named by a hash of its content, plus manifest.txt ("logical hashed" per
# line) which the C++ build embeds. Idempotent: does nothing when no input is newer than the
# manifest.
set -euo pipefail
cd "$(dirname "$0")"

gf=node_modules/govuk-frontend/dist/govuk
if [ ! -d "$gf" ] || [ ! -x node_modules/.bin/sass ]; then
  echo "web/build.sh: node modules missing; run scripts/install-deps (npm ci in web/)" >&2
  exit 1
fi

manifest=dist/manifest.txt
inputs=(build.sh package-lock.json src "$gf/govuk-frontend.min.js" "$gf/index.scss")
if [ -f "$manifest" ] && [ -z "$(find "${inputs[@]}" -newer "$manifest" -print -quit)" ]; then
  exit 0
fi

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# --quiet-deps and the import silence hide GOV.UK Frontend's own deprecation notices (it still
# uses @import); errors, and warnings from our own file, stay visible and errors stay fatal.
node_modules/.bin/sass --pkg-importer=node --no-source-map --style=compressed \
  --quiet-deps --silence-deprecation=import src/waymark.scss "$tmp/waymark.css"

# The source map is not shipped, so drop the comment that points at it.
sed 's|//# sourceMappingURL=.*$||' "$gf/govuk-frontend.min.js" >"$tmp/govuk-frontend.min.js"
cp src/favicon.svg "$tmp/favicon.svg"
cp src/session-timeout.js "$tmp/session-timeout.js"

hash_of() { sha256sum "$1" | cut -c1-12; }
hashed() { # logical name -> hashed name
  local name=$1 stem ext
  case "$name" in
    *.min.js) stem=${name%.min.js}; ext=min.js ;;
    *) stem=${name%.*}; ext=${name##*.} ;;
  esac
  echo "$stem-$(hash_of "$tmp/$name").$ext"
}

gf_js=$(hashed govuk-frontend.min.js)
# A module file rather than an inline script, so the CSP needs no hash for it.
timeout_js=$(hashed session-timeout.js)
printf 'import { initAll } from "./%s";\nimport "./%s";\ninitAll();\n' "$gf_js" "$timeout_js" \
  >"$tmp/init.js"

mkdir "$tmp/dist"
: >"$tmp/manifest.txt"
for name in waymark.css govuk-frontend.min.js session-timeout.js init.js favicon.svg; do
  h=$(hashed "$name")
  cp "$tmp/$name" "$tmp/dist/$h"
  printf '%s %s\n' "$name" "$h" >>"$tmp/manifest.txt"
done
cp "$tmp/manifest.txt" "$tmp/dist/manifest.txt"
rm -rf dist
cp -r "$tmp/dist" dist
echo "web/build.sh: built web/dist ($(wc -l <dist/manifest.txt) assets)"
