GREETING = "hello from a sibling"
