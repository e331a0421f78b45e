-- What must hold for the film pack: `trivium test plugins/ihostage-film`
-- (docs/pack-api.md, "Testing a pack").

-- lint checks that a Dutch text exists; this checks that it was translated.
test("every prompt and explanation is translated into Dutch", function(t)
  local en = {}
  for _, q in ipairs(t.questions(1, "en")) do en[q.id] = q end
  for _, q in ipairs(t.questions(1, "nl")) do
    t.ok(q.prompt ~= en[q.id].prompt, q.id .. ": the Dutch prompt is the English one")
    t.ok(q.explain ~= en[q.id].explain, q.id .. ": the Dutch explanation is the English one")
  end
end)
