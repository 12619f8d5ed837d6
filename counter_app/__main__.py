"""`python -m counter_app`: the window with no argument, otherwise a subcommand."""

import sys

from .cli import main

sys.exit(main())
