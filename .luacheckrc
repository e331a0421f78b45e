-- luacheck for Trivium's packs (plugins/, and any pack folder that copies this file):
-- exactly the globals the pack sandbox offers (docs/pack-api.md, "The sandbox";
-- `trivium-pack-worker --describe-api` lists them), so luacheck flags print, os,
-- require or quiz.Choice before the worker does. tests/app/test_luacheck.sh runs
-- `luacheck plugins` in CI and checks this list against the worker's.
std = "none"
read_globals = {
  "assert", "error", "ipairs", "pairs", "next", "select", "tonumber", "tostring", "type",
  "pcall", "xpcall", "rawequal", "rawget", "rawset", "rawlen", "setmetatable", "getmetatable",
  "load", "_VERSION", "_G", "collectgarbage",
  string = { fields = { "byte", "char", "find", "format", "gmatch", "gsub", "len", "lower", "match",
                        "pack", "packsize", "rep", "reverse", "sub", "unpack", "upper" } },
  table = { fields = { "concat", "insert", "move", "pack", "remove", "sort", "unpack" } },
  -- Debian's Lua 5.4 keeps the 5.2 compatibility functions (atan2, cosh, pow, ...).
  math = { fields = { "abs", "acos", "asin", "atan", "atan2", "ceil", "cos", "cosh", "deg", "exp",
                      "floor", "fmod", "frexp", "huge", "ldexp", "log", "log10", "max", "maxinteger",
                      "min", "mininteger", "modf", "pi", "pow", "rad", "random", "randomseed", "sin",
                      "sinh", "sqrt", "tan", "tanh", "tointeger", "type", "ult" } },
  utf8 = { fields = { "char", "charpattern", "codepoint", "codes", "len", "offset" } },
  coroutine = { fields = { "close", "create", "isyieldable", "resume", "running", "status", "wrap",
                           "yield" } },
  quiz = { fields = { "choice", "truefalse", "numeric", "order", "text", "lang", "paced", "log" } },
  "include",
}
-- A pack's tests.lua also has test(name, function(t) ... end).
files["**/tests.lua"] = { read_globals = { "test" } }
max_line_length = false
-- A constant the pack defines and does not use yet (left for the pack's authors).
files["plugins/leidseplein-2022/pack.lua"] = { ignore = { "211/CAT_FILM" } }
-- The hostile packs are wrong on purpose.
exclude_files = { "tests/packs/**", "build*/**" }
