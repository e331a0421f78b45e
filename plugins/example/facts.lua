-- Facts for the example pack's generator: who plays whom in iHostage (seed article
-- NewsBytes, 26 April 2025). One row per character.
return {
  { actor = "Soufiane Moussouli", character = "Ammar" },
  { actor = "Admir Šehović", character = "Ilian" },
  { actor = "Loes Haverkort", character = "Lynn" },
  { actor = "Marcel Hensema", character = "Kees van Zanten" },
  { actor = "Emmanuel Ohene Boafo", character = "Mingus" },
  { actor = "Matteo van der Grijn", character = "Abe" },
}
