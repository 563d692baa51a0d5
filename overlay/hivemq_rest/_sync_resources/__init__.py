"""The resource namespaces of the async client (the sync ones are made from these).

Made by scripts/generate.py from _async_resources/__init__.py (see scripts/_unasync.py);
do not edit: change _async_resources/__init__.py and regenerate.
"""
