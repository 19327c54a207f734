"""Store tests; a package so that test_codec.py can share ``store.strategies``."""
