/**
 * Turns a validated temperature reading (Celsius) into the Protobuf Reading's fields.
 */
function transform(publish, context) {
  const reading = publish.payload;
  publish.payload = {
    device_id: reading.deviceId,
    fahrenheit: reading.celsius * 9 / 5 + 32,
    timestamp_ms: reading.timestampMs,
  };
  return publish;
}
