"""Helpers shared by tests and scripts; no test module imports another test module."""
