"""The resource namespaces of the asyncio client (``hivemq.data_hub``, ...), written once."""
