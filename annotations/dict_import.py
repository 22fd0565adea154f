"""Placeholder: background dictionary import (words work)."""


def start_background(app):
    pass
