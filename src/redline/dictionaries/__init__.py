"""Converters from other event-coding dictionaries into redline's knowledge files."""
