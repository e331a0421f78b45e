-- What must hold for the Leidseplein pack: `trivium test plugins/leidseplein-2022`
-- (docs/pack-api.md, "Testing a pack").

test("a round answered right scores every question, in both languages", function(t)
  for _, lang in ipairs({ "en", "nl" }) do
    local r = t.session { seed = 11, count = 8, lang = lang,
                          answers = { "correct", "correct", "correct", "correct",
                                      "correct", "correct", "correct", "correct" } }
    t.eq(r.correct, r.asked, lang)
  end
end)

test("a round answered wrong scores nothing", function(t)
  local r = t.session { seed = 11, count = 3, answers = { "wrong", "wrong", "wrong" } }
  t.eq(r.total, 0)
end)
