---@meta
-- LuaLS definitions for Trivium packs (see docs/pack-api.md). Not loaded by the game:
-- editors read it for completion and type checks. tests/plugin/test_api_docs.py checks
-- that it declares every name of Trivium's own that the worker exposes (LuaLS knows
-- standard Lua), and nothing the worker lacks; a new @class needs a CLASSES entry there.

---@alias trivium.Text string|table<string, string>  # a string, or { en = "...", nl = "..." }

---@class trivium.Question
---@field id string                  unique within the pack
---@field type? "choice"|"truefalse"|"numeric"|"order"|"text"
---@field prompt trivium.Text
---@field answer any                 choice: Text; truefalse: boolean; numeric: number; text: Text or Text[]
---@field wrong? trivium.Text[]      choice: 1 to 5 wrong options
---@field items? trivium.Text[]      order: 2 to 6 items in the right order
---@field tolerance? number          numeric: accepted distance from answer (default 0)
---@field unit? trivium.Text         numeric: shown next to the entry box
---@field difficulty? 1|2|3          default 1
---@field category? trivium.Text
---@field time? number               seconds, 5 to 120 (default 20)
---@field explain? trivium.Text      shown after answering
---@field source? string             a key of the pack's sources table
---@field asks? string               the fact this question asks (a name shared across packs)
---@field shows? string[]            facts its prompt, options, items, explanation or source give away

---@class trivium.Source
---@field publisher? string
---@field title? string
---@field date? string               YYYY-MM-DD
---@field url? string

---@class trivium.Rng
---@field int fun(a: integer, b: integer): integer       also rng:int(a, b)
---@field pick fun(list: any[]): any                     also rng:pick(list)
---@field shuffle fun(list: any[]): any[]                in place; also rng:shuffle(list)
---@field sample fun(list: any[], n: integer): any[]     n distinct elements; also rng:sample(list, n)

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
---@field questions trivium.Question[]
---@field generate? fun(ctx: trivium.Context): trivium.Question[]

quiz = {}
---@param q trivium.Question
---@return trivium.Question
function quiz.choice(q) end
---@param q trivium.Question
---@return trivium.Question
function quiz.truefalse(q) end
---@param q trivium.Question
---@return trivium.Question
function quiz.numeric(q) end
---@param q trivium.Question
---@return trivium.Question
function quiz.order(q) end
---@param q trivium.Question
---@return trivium.Question
function quiz.text(q) end
---@param text trivium.Text
---@param code string
---@return string
function quiz.lang(text, code) end
---The pack's print: one line `file:line: log: ...` on stderr in lint, dump, test and
---watch (arguments through tostring, tab-separated); the game discards it.
---@param ... any
function quiz.log(...) end

---Runs a sibling file of the pack (a plain name such as "facts.lua") and returns its result.
---@param name string
---@return any
function include(name) end
