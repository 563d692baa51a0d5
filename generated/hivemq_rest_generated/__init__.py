"""The models and I/O-free operations of the HiveMQ REST API, generated from openapi.yaml."""
