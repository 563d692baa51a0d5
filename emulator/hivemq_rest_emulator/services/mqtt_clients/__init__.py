"""The "MQTT Clients" family: sessions in memory or in a real broker, and their six operations."""
