-- Hostile (or just careless): a syntax error.
return {
  id = "syntax-error"
  title = "x",
}
