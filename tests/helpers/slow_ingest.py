"""`python tests/helpers/slow_ingest.py DATA CORPUS`: ingest into real Chroma on disk, slowly.

The kill test runs this in a child process and SIGKILLs it part-way. Each embedded batch prints a
line first, so the test knows how far it got.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

from assistant.embedders import HashingEmbedder
from assistant.stores import ChromaStore
from ingest.indexing import ingest


class _Announcing(HashingEmbedder):
    def embed_documents(self, texts):  # noqa: ANN001, ANN201
        print("batch", flush=True)
        time.sleep(0.01)
        return super().embed_documents(texts)


def main() -> None:
    data, corpus = Path(sys.argv[1]), Path(sys.argv[2])
    ingest(
        corpus,
        _Announcing(),
        ChromaStore.persistent(data / "index", "passages"),
        data / "texts",
        sentence_store=ChromaStore.persistent(data / "index", "sentences"),
        progress=False,
        batch_size=1,  # one passage (with its sentences) per batch: many places to be killed
    )
    print("done", flush=True)


if __name__ == "__main__":
    main()
