"""The yearly report (placeholder)."""
