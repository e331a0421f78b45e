-- Harmless: math.randomseed is accepted and ignored, so the pack stays deterministic.
math.randomseed(123)
local n = math.random(1, 1000000)
return {
  id = "math-randomseed",
  title = "Randomseed",
  version = "1.0.0",
  sources = { s = { publisher = "Trivium", title = "Tests" } },
  questions = {
    quiz.numeric { id = "n", prompt = "Which number did the pack draw?", answer = n, source = "s" },
  },
  generate = function(ctx)
    math.randomseed(456)
    return {
      quiz.numeric { id = "g", prompt = "And in generate?", answer = math.random(1, 1000000), source = "s" },
    }
  end,
}
