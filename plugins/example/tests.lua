-- The example pack's tests: what `trivium test plugins/example` checks, and a model for
-- a pack's own tests.lua (docs/pack-api.md, "Testing a pack").

test("the pack has every question type", function(t)
  local types = {}
  for _, q in ipairs(t.questions(1, "en")) do types[q.type] = true end
  for _, kind in ipairs({ "choice", "truefalse", "numeric", "order", "text" }) do
    t.ok(types[kind], "no " .. kind .. " question")
  end
end)

test("every order question has distinct items, and every question a source", function(t)
  for seed = 1, 10 do
    for _, q in ipairs(t.questions(seed, "nl")) do
      t.ok(q.source ~= "", q.id .. " has no source")
      if q.type == "order" then
        local seen = {}
        for _, item in ipairs(q.items) do
          t.ok(not seen[item:lower()], ("seed %d, %s: the item %q twice"):format(seed, q.id, item))
          seen[item:lower()] = true
        end
      end
    end
  end
end)

test("the generator is deterministic: the same seed gives the same questions", function(t)
  t.eq(t.questions(5, "en"), t.questions(5, "en"))
end)

test("right answers score, wrong and skipped ones do not", function(t)
  local r = t.session { seed = 1, count = 3, answers = { "correct @2", "wrong", "skip" } }
  t.eq(r.correct, 1)
  t.eq(r.questions[2].points, 0)
  t.eq(r.questions[3].verdict, "skip")
  t.ok(r.questions[1].points > 0, "the right answer scores")
end)

test("a question asked in Dutch is in Dutch", function(t)
  for _, q in ipairs(t.questions(1, "nl")) do
    if q.id == "director" then
      t.eq(q.prompt, "Wie regisseerde iHostage?")
      t.eq(q.answer, "Bobby Boermans")
      return
    end
  end
  t.ok(false, "no question 'director'")
end)
