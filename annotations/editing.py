"""Placeholder blueprint: replaced by the real views."""
from flask import Blueprint

bp = Blueprint("editing", __name__)
