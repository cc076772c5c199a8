"""One exception tree. Every message says what is wrong and what to do about it."""


class BackchannelError(Exception):
    """Base of every error the library raises on purpose."""


class InputError(BackchannelError):
    """An input file or value cannot be read: empty, binary, malformed, wrong encoding."""


class DateError(InputError):
    """A date given by the user or in metadata is not a real date."""


class StoreError(BackchannelError):
    """The database cannot be opened, migrated or written."""


class NotFoundError(BackchannelError):
    """A name or id asked for is not in the store."""


class OntologyError(BackchannelError):
    """An ontology or gazetteer data file is malformed."""


class PipelineError(BackchannelError):
    """The NLP pipeline cannot be built (for instance, the spaCy model is missing)."""
