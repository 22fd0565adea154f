"""Placeholder blueprint: replaced by the real views."""
from flask import Blueprint

bp = Blueprint("translate_views", __name__)
