-- wrk script of bench/respond: each request takes the next item of a file, so that every score page
-- and every answer is for another invitation.
--   wrk ... -s respond.lua URL -- MODE FILE THREADS [SCORE] [LIMIT]
-- MODE: get (GET /r/<token>?score=N), post (POST /r/<token>, form score and comment), bare
-- (POST /api/bench/bare?id=<invitation id>). FILE: one token (or id) a line. Each of the THREADS wrk
-- threads takes every THREADS-th line from its own offset, and stops after its share, or after LIMIT
-- requests when given; in bare mode it starts its share again instead (a read may repeat, the insert
-- is new each time). done() prints one RESULT line for bench.py.

local next_id = 0

function setup(thread)
   thread:set("tid", next_id)
   next_id = next_id + 1
end

function init(args)
   mode, file, threads = args[1], args[2], tonumber(args[3])
   score = args[4] or "9"
   limit = tonumber(args[5] or "0")
   items = {}
   local n = 0
   for line in io.lines(file) do
      if n % threads == tid then
         items[#items + 1] = line
      end
      n = n + 1
   end
   if limit == 0 or limit > #items then
      limit = #items
   end
   sent, received = 0, 0
   form = { ["Content-Type"] = "application/x-www-form-urlencoded" }
end

function request()
   sent = sent + 1
   -- Past the share (at most one request per connection, until the thread stops): the last item again.
   local item
   if mode == "bare" then
      item = items[(sent - 1) % #items + 1]
   else
      item = items[math.min(sent, limit)]
   end
   if mode == "get" then
      return wrk.format("GET", "/r/" .. item .. "?score=" .. score)
   elseif mode == "post" then
      return wrk.format("POST", "/r/" .. item, form, "score=" .. score .. "&comment=Bench+" .. score .. "&consent=on")
   else
      -- No form content type: Jersey would log a warning per request about the consumed body.
      return wrk.format("POST", "/api/bench/bare?id=" .. item)
   end
end

function response(status, headers, body)
   received = received + 1
   if mode ~= "bare" and received >= limit and wrk.thread then
      wrk.thread:stop()
   end
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format("RESULT requests=%d duration_us=%d p50_us=%d p90_us=%d p99_us=%d max_us=%d mean_us=%.0f "
      .. "status_errors=%d connect_errors=%d read_errors=%d write_errors=%d timeouts=%d\n",
      summary.requests, summary.duration, latency:percentile(50), latency:percentile(90), latency:percentile(99),
      latency.max, latency.mean, e.status, e.connect, e.read, e.write, e.timeout))
end
