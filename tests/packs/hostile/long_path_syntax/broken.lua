-- A syntax error on line 3.
return {
  id = "x" title = "y",
}
