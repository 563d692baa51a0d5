"""A stateful emulator of the HiveMQ REST API's MQTT Clients endpoints."""
