---@meta
-- LuaLS definitions for Trivium packs (see docs/pack-api.md). Not loaded by the game:
-- editors read it for completion and type checks. tests/plugin/test_api_docs.py checks
-- that it declares every name of Trivium's own that the worker exposes (LuaLS knows
-- standard Lua), and nothing the worker lacks; a new @class needs a CLASSES entry there.

---@alias trivium.Text string|table<string, string>  # a string, or { en = "...", nl = "..." }

-- One class per constructor: quiz.choice{...} takes a trivium.Choice, and so on, so an
-- editor flags a numeric answer given as a string or an order question without items.
-- trivium.Question holds what every type has; fields of another type are ignored by the
-- worker (with a warning from lint).

---@class trivium.Question
---@field id string                  unique within the pack: a-z, 0-9 and '-' read best
---@field type? "choice"|"truefalse"|"numeric"|"order"|"text"  set by the quiz.* constructors
---@field prompt trivium.Text        up to 1000 bytes
---@field difficulty? 1|2|3          default 1
---@field category? trivium.Text     up to 60 bytes; default "General"
---@field time? number               seconds, 5 to 120 (default 20)
---@field explain? trivium.Text      shown after answering; up to 1000 bytes
---@field source? string|string[]    a key of the pack's sources table, or 1-8 keys (a question joining several facts)
---@field asks? string               the fact this question asks (a name shared across packs)
---@field shows? string[]            facts its prompt, options, items, explanation or source give away
---@field answer? any                per type: see trivium.Choice ... trivium.TextQuestion
---@field wrong? trivium.Text[]      choice only
---@field items? trivium.Text[]      order only
---@field tolerance? number          numeric only
---@field unit? trivium.Text         numeric only

---@class trivium.Choice: trivium.Question
---@field answer trivium.Text        the right option (up to 300 bytes; spaces around it are trimmed)
---@field wrong trivium.Text[]       1 to 5 wrong options, all different from the answer

---@class trivium.TrueFalse: trivium.Question
---@field answer boolean

---@class trivium.Numeric: trivium.Question
---@field answer number
---@field tolerance? number          accepted distance from answer, not negative (default 0)
---@field unit? trivium.Text         shown next to the entry box, up to 40 bytes; "" or absent: none

---@class trivium.Order: trivium.Question
---@field items trivium.Text[]       2 to 6 items, in the right order

---@class trivium.TextQuestion: trivium.Question
---@field answer trivium.Text|trivium.Text[]  up to 16 accepted answers, matched ignoring case and accents

---@class trivium.Source
---@field publisher? string
---@field title? trivium.Text        a string, or a table of languages
---@field date? string               YYYY-MM-DD
---@field url? string                with a scheme: https://...
---@field shows? string[]            facts the title gives away; every question citing the source shows them

-- Called as ctx.rng:int(1, 6) (a method call, so self comes first); ctx.rng.int(1, 6)
-- works too at run time, but editors expect the colon form.
---@class trivium.Rng
---@field int fun(self: trivium.Rng, a: integer, b: integer): integer       a whole number from a to b
---@field pick fun(self: trivium.Rng, list: any[]): any                     one element
---@field shuffle fun(self: trivium.Rng, list: any[]): any[]                in place, and returned
---@field sample fun(self: trivium.Rng, list: any[], n: integer): any[]     n distinct elements, a new list

---@class trivium.Context
---@field rng trivium.Rng
---@field lang "en"|"nl"
---@field pack string

---@class trivium.Pack
---@field id string                  [a-z0-9.-]+
---@field title trivium.Text
---@field version string
---@field description? trivium.Text
---@field author? string
---@field languages? string[]
---@field sources? table<string, trivium.Source>
---@field questions? trivium.Question[]  made with quiz.choice{...} and friends
---@field generate? fun(ctx: trivium.Context): trivium.Question[]

quiz = {}
---@param q trivium.Choice
---@return trivium.Choice
function quiz.choice(q) end
---@param q trivium.TrueFalse
---@return trivium.TrueFalse
function quiz.truefalse(q) end
---@param q trivium.Numeric
---@return trivium.Numeric
function quiz.numeric(q) end
---@param q trivium.Order
---@return trivium.Order
function quiz.order(q) end
---@param q trivium.TextQuestion
---@return trivium.TextQuestion
function quiz.text(q) end
---@param text trivium.Text
---@param code string
---@return string
function quiz.lang(text, code) end
---Sets `time` on each question of list that has none, from its reading length (the
---English prompt, a choice's answer, the wrong options, the items): 10 s + 1 s per 12
---characters, at least 20 s; order: 4 s per item + 1 s per 12 characters, at least 30 s;
---rounded up to 5 s, at most 60 s. Returns list.
---@param list trivium.Question[]
---@return trivium.Question[]
function quiz.paced(list) end
---The pack's print: one line `file:line: log: ...` on stderr in lint, dump, test and
---watch (arguments through tostring, tab-separated); the game discards it.
---@param ... any
function quiz.log(...) end

---Runs a sibling file of the pack (a plain name such as "facts.lua") and returns its result.
---@param name string
---@return any
function include(name) end

-- ---- tests.lua only (docs/pack-api.md, "Testing a pack"): `trivium test` gives a
-- pack's tests.lua the global test and each test a t; pack code has neither.

---@class trivium.SessionOptions
---@field seed? integer              default 1
---@field count? integer             questions in the session (default 10)
---@field lang? "en"|"nl"            default "en"
---@field answers? string[]          one player's answer lines ("correct @2", "B", "skip", ...)
---@field players? string[][]        several players' answer lines instead of answers
---@field streak? boolean            the streak bonus (default on)
---@field time_points? boolean       points for speed (default on)
---@field timer_percent? integer     scale every time limit, 10 to 1000

---@class trivium.Test
---@field questions fun(seed?: integer, lang?: "en"|"nl"): table[]   the pack's questions for the seed, as data
---@field session fun(opts: trivium.SessionOptions): table           the result `trivium headless --format json` prints
---@field eq fun(got: any, want: any, what?: string)                  equal values (tables compared deeply)
---@field ok fun(value: any, what?: string)                           a true value
---@field near fun(got: number, want: number, tolerance?: number, what?: string)
---@field fails fun(fn: function, pattern?: string, what?: string): string  fn raises an error matching pattern

---Declares a test of the pack (tests.lua only).
---@param name string
---@param fn fun(t: trivium.Test)
function test(name, fn) end

