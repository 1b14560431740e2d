"""reader: read news articles in the terminal with their structure made visible."""

__version__ = "0.1.0"
