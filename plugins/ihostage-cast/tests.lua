-- Facts the cast pack must keep on every seed: `trivium test plugins/ihostage-cast`
-- (docs/pack-api.md, "Testing a pack"). Runs in the pack's sandbox, so it reads the
-- same facts.lua the generator does.
local F = include("facts.lua")

-- Every name an option can show, by kind.
local actors, characters = {}, {}
for _, c in ipairs(F.cast) do
  for _, a in ipairs(c.actor_answers) do actors[a] = true end
  for _, ch in ipairs(c.character_answers) do characters[ch] = true end
end
for _, c in ipairs(F.other_cast) do actors[c.actor] = true end

local SEEDS = 20

local function each_choice(t, fn)
  for seed = 1, SEEDS do
    for _, lang in ipairs({ "en", "nl" }) do
      for _, q in ipairs(t.questions(seed, lang)) do
        if q.type == "choice" then fn(q, seed, lang) end
      end
    end
  end
end

test("the generator never offers an actor as a character, nor a character as an actor", function(t)
  each_choice(t, function(q, seed, lang)
    local want_character, want_actor = characters[q.answer], actors[q.answer]
    for _, w in ipairs(q.wrong) do
      t.ok(not (want_character and actors[w]),
        ("seed %d (%s), %s: the actor %s is offered as a character"):format(seed, lang, q.id, w))
      t.ok(not (want_actor and characters[w]),
        ("seed %d (%s), %s: the character %s is offered as an actor"):format(seed, lang, q.id, w))
    end
  end)
end)

test("every actor of the cast list is asked about on some seed", function(t)
  local asked = {}
  each_choice(t, function(q)
    for _, c in ipairs(F.cast) do
      if q.prompt:find(c.actor, 1, true) or q.answer == c.actor then asked[c.key] = true end
    end
  end)
  for _, c in ipairs(F.cast) do
    t.ok(asked[c.key], c.actor .. " is never asked about in " .. SEEDS .. " seeds")
  end
end)

test("a round answered right scores every question", function(t)
  local answers = {}
  for i = 1, 10 do answers[i] = "correct" end
  local r = t.session { seed = 7, count = 10, lang = "nl", answers = answers }
  t.eq(r.correct, 10)
  t.ok(r.total > 0, "a right round scores points")
end)
