"""The `wegwijzer` command."""
