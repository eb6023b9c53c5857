"""Helpers and data the tests share, imported the normal way (`from support.projects import ...`):
no test module imports another."""
