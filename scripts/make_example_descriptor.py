"""Write examples/data-hub/schemas/reading.desc: the Protobuf descriptor set of the example.

The message is built with the protobuf package (no protoc needed):

    syntax = "proto3";
    package factory;
    message Reading {
      string device_id = 1;
      double fahrenheit = 2;
      int64 timestamp_ms = 3;
    }

Run it again after changing the message: ``.venv/bin/python scripts/make_example_descriptor.py``.
"""

from __future__ import annotations

from pathlib import Path

from google.protobuf import descriptor_pb2

_TARGET = Path(__file__).resolve().parent.parent / "examples/data-hub/schemas/reading.desc"
_FIELD = descriptor_pb2.FieldDescriptorProto


def descriptor_set() -> bytes:
    """The serialized FileDescriptorSet of ``factory.Reading``."""
    file = descriptor_pb2.FileDescriptorProto(
        name="factory/reading.proto", package="factory", syntax="proto3"
    )
    message = file.message_type.add(name="Reading")
    for number, (name, kind) in enumerate(
        (
            ("device_id", _FIELD.TYPE_STRING),
            ("fahrenheit", _FIELD.TYPE_DOUBLE),
            ("timestamp_ms", _FIELD.TYPE_INT64),
        ),
        start=1,
    ):
        message.field.add(name=name, number=number, type=kind, label=_FIELD.LABEL_OPTIONAL)
    # Deterministic bytes, so that the committed file only changes with the message.
    return descriptor_pb2.FileDescriptorSet(file=[file]).SerializeToString(deterministic=True)


if __name__ == "__main__":
    _TARGET.write_bytes(descriptor_set())
    print(f"wrote {_TARGET}")
