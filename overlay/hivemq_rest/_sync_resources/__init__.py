"""The resource namespaces of the time client (``hivemq.data_hub``, ...), written once.

Made by scripts/generate.py from _async_resources/__init__.py (see scripts/_unasync.py);
do not edit: change _async_resources/__init__.py and regenerate.
"""
