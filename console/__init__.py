"""Tandem: a desktop console where a contact-centre agent and an AI work a case together."""

__version__ = "0.1.0"
