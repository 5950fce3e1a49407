"""Build and measure tools of sitegen.entities (not installed with the package)."""
