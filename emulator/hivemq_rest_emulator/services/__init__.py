"""The API's families, one package each: its state, request parsing, rendering and handlers."""
