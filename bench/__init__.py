"""Benchmarks: a generator of large made-up databases and timings of the store's queries."""
