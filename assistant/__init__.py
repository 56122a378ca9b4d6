"""Wegwijzer core: grounded question answering over municipal social-policy documents."""
