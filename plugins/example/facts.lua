-- Facts for the example pack's generator: one row per planet, in order from the sun.
return {
  { name = { en = "Mercury", nl = "Mercurius" }, moons = 0 },
  { name = { en = "Venus", nl = "Venus" }, moons = 0 },
  { name = { en = "Earth", nl = "Aarde" }, moons = 1 },
  { name = { en = "Mars", nl = "Mars" }, moons = 2 },
  { name = { en = "Jupiter", nl = "Jupiter" }, moons = 95 },
  { name = { en = "Saturn", nl = "Saturnus" }, moons = 146 },
}
