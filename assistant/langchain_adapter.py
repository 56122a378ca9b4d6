"""The one module that imports langchain: everything langchain stays behind these functions.

Our own dataclasses are the data model; langchain's documents are converted here and never leave.
"""

from __future__ import annotations

from collections.abc import Callable

from assistant.domain import Chunk


def quickstart_splitter(chunk_size: int = 1000, overlap: int = 200) -> Callable[[str, str], list[Chunk]]:
    """langchain's quick-start chunking (RecursiveCharacterTextSplitter over the raw text), as chunks.

    Used as the baseline that evaluations compare the structure-aware chunker against.
    """
    try:
        from langchain_text_splitters import RecursiveCharacterTextSplitter
    except ImportError as exc:  # an optional extra
        raise ImportError("Install the langchain extra: pip install -e '.[llm]'") from exc

    splitter = RecursiveCharacterTextSplitter(chunk_size=chunk_size, chunk_overlap=overlap, add_start_index=True)

    def split(document: str, text: str) -> list[Chunk]:
        out = []
        for piece in splitter.create_documents([text]):
            start = int(piece.metadata["start_index"])
            out.append(Chunk(document, "", piece.page_content, start, start + len(piece.page_content)))
        return out

    return split
