#!/usr/bin/env python3
"""The chat app of the incident (see ../README.md), as a minimal Django project."""
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "chatproject.settings")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
