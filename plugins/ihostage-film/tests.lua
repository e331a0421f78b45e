-- What must hold for this pack on every seed: `trivium test plugins/ihostage-film`
-- (docs/pack-api.md, "Testing a pack").

local SEEDS = 20

test("every order question has distinct items, on every seed", function(t)
  for seed = 1, SEEDS do
    for _, q in ipairs(t.questions(seed, "en")) do
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

test("every question names its source, in both languages", function(t)
  for _, lang in ipairs({ "en", "nl" }) do
    for _, q in ipairs(t.questions(1, lang)) do
      t.ok(q.source ~= "", ("%s (%s) has no source"):format(q.id, lang))
      t.ok(q.explain ~= "", ("%s (%s) has no explanation"):format(q.id, lang))
    end
  end
end)

test("a round answered right scores every question", function(t)
  local answers = {}
  for i = 1, 10 do answers[i] = "correct" end
  local r = t.session { seed = 11, count = 10, answers = answers }
  t.eq(r.correct, r.asked)
  t.ok(r.total > 0, "a right round scores points")
end)
