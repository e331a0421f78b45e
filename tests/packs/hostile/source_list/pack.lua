-- A question's source may be a list of keys (an order question joining several facts);
-- each entry is checked like a single source.
return {
  id = "source-list",
  title = "Source list",
  version = "1.0.0",
  sources = { a = { publisher = "A", title = "First" }, b = { publisher = "B", title = "Second" } },
  questions = {
    quiz.order { id = "joined", prompt = "Order them", items = { "one", "two" }, source = { "a", "b" } },
    quiz.truefalse { id = "empty", prompt = "Empty list", answer = true, source = {} },
    quiz.truefalse { id = "number", prompt = "A number in it", answer = false, source = { "a", 7 } },
    quiz.truefalse { id = "unknown", prompt = "An unknown key", answer = true, source = { "a", "nope" } },
    quiz.truefalse { id = "many", prompt = "Too many", answer = false,
                     source = { "a", "a", "a", "a", "a", "a", "a", "a", "a" } },
    quiz.truefalse { id = "neither", prompt = "Neither", answer = true, source = 5 },
  },
}
