"""sitegen: a static site generator for German news archives."""

__version__ = "0.1.0"
