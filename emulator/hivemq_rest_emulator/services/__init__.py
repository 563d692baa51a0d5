"""The families of the API, one package each: state, request parsing, rendering, handlers."""
