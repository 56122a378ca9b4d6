"""Ingestion: path -> documents -> clean text -> chunks -> index."""
