#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    # dev is the default so a fresh clone runs without any environment set up.
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
