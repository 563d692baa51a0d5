"""Root conftest: plugins must be named here (pytest refuses them in deeper conftests)."""

pytest_plugins = ["hivemq_rest_emulator.testing.pytest_plugin"]
