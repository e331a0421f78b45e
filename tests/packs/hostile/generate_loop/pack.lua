-- Hostile: loads fine, then generate() never returns.
return {
  id = "generate-loop",
  title = "Generate loop",
  version = "1.0.0",
  questions = {},
  generate = function(ctx)
    local n = 0
    while true do n = n + ctx.rng:int(1, 6) end
  end,
}
