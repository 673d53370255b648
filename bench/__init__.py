"""Benchmarks: scripts that measure the app (bench/README.md). They use the app's own code and
never the tests'."""
