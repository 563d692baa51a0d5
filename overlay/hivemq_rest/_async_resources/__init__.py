"""The resource namespaces of the async client (the sync ones are made from these)."""
