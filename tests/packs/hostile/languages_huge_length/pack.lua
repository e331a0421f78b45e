-- Hostile: a list of 100 001 languages, all but the last a hole: a loop over
-- 1..#languages reporting each hole would flood the output.
local langs = load("return {" .. string.rep("nil,", 100000) .. "'en'}")()
return {
  id = "languages-huge-length",
  title = "x",
  version = "1",
  languages = langs,
  questions = {},
}
