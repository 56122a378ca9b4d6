"""The small error hierarchy of the core."""


class AssistantError(Exception):
    """Base class for errors the core reports to its callers."""


class IndexMissingError(AssistantError):
    """The index is empty or absent; the message says which command builds it."""

    def __init__(self, message: str = "Er is nog geen index. Bouw hem met: wegwijzer ingest") -> None:
        super().__init__(message)


class ModelMissingError(AssistantError):
    """The embedding model folder is missing or cannot be loaded."""


class UnknownMunicipalityError(AssistantError):
    """A municipality filter names a municipality the index does not hold."""


class DocumentRejectedError(AssistantError):
    """A document or change to the corpus that staff asked for and that is refused; the message says why."""
