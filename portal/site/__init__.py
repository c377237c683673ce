"""Glue between the validated dataset and MkDocs: build hooks and shared build state."""
