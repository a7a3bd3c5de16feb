"""Development tools (the ten-year reference history for benchmarks); never shipped in the bundle."""
