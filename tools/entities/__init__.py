"""Training, evaluation and data builders of sitegen.entities; run from the repository root."""
