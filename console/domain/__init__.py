"""Tandem's domain: pydantic models, value objects and errors. No I/O, no Qt."""
