return { id = "ok" }
