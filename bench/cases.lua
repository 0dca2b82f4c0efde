-- wrk script for scripts/bench-cases: one kind of request per run, chosen by BENCH_MODE:
--   case    GET /cases/{id}, rotating over the ids in the file BENCH_IDS (one a line)
--   list    GET /cases (the signed-in worker's "my cases", first page)
--   search  POST /cases/search with csrf_token=BENCH_CSRF and q=BENCH_QUERY, as the form sends
-- With BENCH_THINK_MS each connection pauses after an answer before its next request, for a
-- random time between 0 and twice that (so that BENCH_THINK_MS on average): people reading a
-- page between clicks, at their own moments, instead of a closed loop at saturation. A fixed
-- pause would keep the connections in step, sending bursts of 32 at once.
-- Every request carries the session cookie BENCH_COOKIE. Each thread counts answers other than
-- 200 (a redirect to the sign-in page would otherwise pass for a fast page), and done() prints
-- "non-200: N of M" for the script to check.
local threads = {}

function setup(thread)
  table.insert(threads, thread)
end

local function urlencode(s)
  return (s:gsub("[^%w%-%._~]", function(c) return string.format("%%%02X", string.byte(c)) end))
end

function init(args)
  -- Each thread its own pauses.
  math.randomseed(os.time() + math.floor(os.clock() * 1e6) + #threads)
  mode = os.getenv("BENCH_MODE")
  bad = 0
  wrk.headers["Cookie"] = os.getenv("BENCH_COOKIE")
  if mode == "case" then
    ids = {}
    for line in io.lines(os.getenv("BENCH_IDS")) do
      if #line > 0 then ids[#ids + 1] = line end
    end
    -- Threads start at different places in the list.
    at = math.random(#ids)
  elseif mode == "search" then
    wrk.method = "POST"
    wrk.path = "/cases/search"
    wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
    wrk.headers["Origin"] = os.getenv("BENCH_ORIGIN")
    wrk.headers["Sec-Fetch-Site"] = "same-origin"
    wrk.body = "csrf_token=" .. urlencode(os.getenv("BENCH_CSRF")) .. "&q=" ..
      urlencode(os.getenv("BENCH_QUERY"))
  else
    wrk.path = "/cases"
  end
end

local think_ms = tonumber(os.getenv("BENCH_THINK_MS") or "")
if think_ms then
  function delay()
    return math.random(0, 2 * think_ms)
  end
end

function request()
  if mode == "case" then
    at = at % #ids + 1
    return wrk.format("GET", "/cases/" .. ids[at])
  end
  return wrk.format()
end

function response(status, headers, body)
  if status ~= 200 then bad = bad + 1 end
end

function done(summary, latency, requests)
  local total = 0
  for _, thread in ipairs(threads) do total = total + thread:get("bad") end
  io.write(string.format("non-200: %d of %d\n", total, summary.requests))
end
