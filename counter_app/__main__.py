"""`python -m counter_app`: the window with no argument, otherwise a subcommand."""

import gc
import sys

# Start-up makes a few hundred thousand objects that live as long as the process (modules,
# classes, Qt's enums); collecting while they are made only rescans them. The collector is
# back on (and they are frozen out of its way) once the window is ready, or before a
# subcommand runs: launch.resume_gc.
gc.disable()

from .launch import main  # noqa: E402

sys.exit(main())
