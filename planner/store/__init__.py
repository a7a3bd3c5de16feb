"""TinyDB storage: crash-safe file, repositories mapping documents <-> domain objects. No Qt."""
