"""The sessions of a real MQTT broker (amqtt) behind the API; needs the ``broker`` extra."""
