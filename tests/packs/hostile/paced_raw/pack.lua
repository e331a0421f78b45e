-- quiz.paced on pack tables that fight back: a question whose metatable errors on every
-- missing field (time, wrong, items), a question that keeps its own time. paced reads
-- raw fields only, so the pack loads, and the limits asserted here are exact.
local trap = { __index = function() error("paced must not look through metatables") end }
local long = string.rep("x", 200)
local qs = quiz.paced {
  setmetatable(quiz.choice { id = "long", prompt = long, answer = "abcd", wrong = { "ab" }, source = "s" }, trap),
  quiz.order { id = "order", prompt = string.rep("y", 40), source = "s",
               items = { string.rep("a", 40), string.rep("b", 40), string.rep("c", 40), string.rep("d", 40),
                         string.rep("e", 40) } },
  quiz.truefalse { id = "short", prompt = { en = "Short.", nl = "Kort." }, answer = false, source = "s" },
  quiz.numeric { id = "own", prompt = long, answer = 3, time = 15, source = "s" },
}
-- 200 + 4 + 2 characters: 10 + 206 // 12 = 27 s, rounded up to 30; five items of 40 and
-- a prompt of 40: 4 * 5 + 240 // 12 = 40 s; a short prompt: the 20 s floor.
assert(qs[1].time == 30 and qs[2].time == 40 and qs[3].time == 20 and qs[4].time == 15,
       "paced limits: " .. qs[1].time .. " " .. qs[2].time .. " " .. qs[3].time .. " " .. qs[4].time)
return {
  id = "paced-raw",
  title = "Paced raw",
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = qs,
}
