"""Domain: entities, validation and yearly summaries. Pure Python — never imports Qt."""
