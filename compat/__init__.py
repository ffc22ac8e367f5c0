"""Every use of another library's private API, one module per library.

Each use is commented with why the public API is not enough, and
tests/test_compat.py fails with the module's name when an upgrade changes
what it relies on.
"""
