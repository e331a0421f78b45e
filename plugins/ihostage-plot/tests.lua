-- What must hold for the plot pack: `trivium test plugins/ihostage-plot`
-- (docs/pack-api.md, "Testing a pack").

test("every question explains its answer and names its source", function(t)
  for _, q in ipairs(t.questions(1, "nl")) do
    t.ok(q.explain ~= "", q.id .. " has no explanation")
    t.ok(q.source ~= "", q.id .. " has no source")
  end
end)

test("the order questions ask for at least three events", function(t)
  local orders = 0
  for _, q in ipairs(t.questions(1, "en")) do
    if q.type == "order" then
      orders = orders + 1
      t.ok(#q.items >= 3, q.id .. ": two items are a true/false question")
    end
  end
  t.ok(orders > 0, "the pack has no order question")
end)
