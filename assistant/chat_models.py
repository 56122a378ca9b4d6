"""The offline chat model: scripted replies, for tests and for trying the generated-answer path.

Real models (llama.cpp, Ollama, OpenAI-compatible servers) come through `langchain_adapter`.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence

from assistant.domain import Turn


class ScriptedChatModel:
    """Replies with `reply` (a fixed text, or a function of the messages); remembers every call."""

    def __init__(self, reply: str | Callable[[Sequence[Turn]], str], name: str = "scripted") -> None:
        self.name = name
        self._reply = reply
        self.calls: list[list[Turn]] = []

    def stream(self, messages: Sequence[Turn]) -> Iterator[str]:
        self.calls.append(list(messages))
        text = self._reply if isinstance(self._reply, str) else self._reply(messages)
        # Word-sized pieces, like a tokenizer's, so streaming code sees more than one.
        yield from re.findall(r"\S+\s*|\s+", text)
