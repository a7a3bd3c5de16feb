"""The session library dock."""
