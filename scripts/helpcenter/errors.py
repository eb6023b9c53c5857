"""The one error type for bad input: MkDocs prints a PluginError as a single line, no traceback."""

from mkdocs.exceptions import PluginError


class DataError(PluginError):
    """Bad content or data. The message starts with the file and names the field."""
