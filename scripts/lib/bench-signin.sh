# shellcheck shell=bash
# shellcheck disable=SC2154  # build, url, jar, db, key, tmp are set by the caller
# Shared by scripts/bench and scripts/bench-cases (sourced, not run): waiting for a server to
# say where it listens, signing a demo user in with curl (password, then the demo TOTP code)
# and reading wrk's output. The callers set these before calling:
#   build  the build folder holding waymark      url  the server's base address
#   db     the --database of the server          key  its --key-file
#   jar    a curl cookie jar file                tmp  a scratch folder (for error output)

# Waits for a line matching $2 in file $1 (a server's stdout) and prints it.
wait_for_line() {
  local file=$1 pattern=$2
  for _ in $(seq 1 300); do
    if grep -m1 -E "$pattern" "$file" 2>/dev/null; then return 0; fi
    sleep 0.1
  done
  echo "bench: no line matching '$pattern' in $file after 30 s:" >&2
  cat "$file" >&2
  return 1
}

csrf_of() {  # the csrf_token hidden field of the page at $1
  curl -sS -b "$jar" -c "$jar" "$url$1" |
    grep -oE '<input[^>]*name="csrf_token"[^>]*>' | grep -oE 'value="[^"]*"' | head -n1 |
    sed 's/^value="//; s/"$//'
}

post() {  # POST $1 with the remaining arguments as form fields; prints "status location"
  local path=$1
  shift
  local fields=()
  for field in "$@"; do fields+=(--data-urlencode "$field"); done
  curl -sS -b "$jar" -c "$jar" -o /dev/null -w '%{http_code} %{redirect_url}' "${fields[@]}" \
    "$url$path"
}

expect_redirect() {  # $1: what post printed; $2: the path it must redirect to
  if [ "$1" != "303 $url$2" ] && [ "$1" != "302 $url$2" ]; then
    echo "bench: sign-in failed: expected a redirect to $2, got '$1'" >&2
    if [ -f "$tmp/serve.log" ]; then tail -n 20 "$tmp/serve.log" >&2; fi
    exit 1
  fi
}

# Signs demo user $1 in with password $2 and prints the session cookie ("name=value").
sign_in() {
  local user=$1 password=$2 token code
  token=$(csrf_of /sign-in)
  expect_redirect "$(post /sign-in "email=$user" "password=$password" "csrf_token=$token")" \
    /sign-in/security-code
  token=$(csrf_of /sign-in/security-code)
  code=$("$build/waymark" totp-code --demo --user "$user" --database "$db" --key-file "$key" |
    grep -oE '[0-9]{6}' | head -n1)
  expect_redirect "$(post /sign-in/security-code "code=$code" "csrf_token=$token")" /
  awk '$6 == "waymark-session" { print $6 "=" $7 }' "$jar"
}

# The demo password, read from the source so the scripts never disagree with it.
demo_password() {
  sed -n 's/.*kDemoPassword = "\([^"]*\)".*/\1/p' src/app/demo.hpp
}

# wrk prints latency percentiles as 812.00us, 1.23ms or 1.02s: in milliseconds, please.
to_ms() {
  awk -v v="$1" 'BEGIN {
    if (v ~ /us$/) { sub(/us$/, "", v); printf "%.2f", v / 1000 }
    else if (v ~ /ms$/) { sub(/ms$/, "", v); printf "%.2f", v }
    else if (v ~ /s$/) { sub(/s$/, "", v); printf "%.2f", v * 1000 }
    else printf "?" }'
}
