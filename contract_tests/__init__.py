"""Contract tests: openapi.yaml against the emulator, a live broker and Prism.

Run with ``pytest contract_tests`` from the repository root. Without
``HIVEMQ_REST_URL`` the suite targets the emulator (in-process, over HTTP, and
in front of a real MQTT broker); with it, the broker at that URL (see
:mod:`contract_tests._live`).
"""
