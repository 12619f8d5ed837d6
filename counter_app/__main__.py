"""`python -m counter_app`: the window with no argument, otherwise a subcommand."""

import sys

from .launch import main

sys.exit(main())
