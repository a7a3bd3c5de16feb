"""Garmin's own FIT SDK as the reference decoder for the workout files we write."""

from __future__ import annotations

from garmin_fit_sdk import Decoder, Stream


def decode(data: bytes) -> dict[str, list[dict]]:
    """Every message of the file, by kind; fails the test on any decoder error or a bad CRC."""
    checker = Decoder(Stream.from_byte_array(bytearray(data)))
    assert checker.is_fit() and checker.check_integrity()
    messages, errors = Decoder(Stream.from_byte_array(bytearray(data))).read(convert_datetimes_to_dates=False)
    assert errors == []
    return messages
