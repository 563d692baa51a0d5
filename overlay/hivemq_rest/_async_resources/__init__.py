"""The resource namespaces of the asyncio client (``hivemq.data_hub``, ...), written once.

The sync client's are made from these by scripts/generate.py.
"""
