"""`python -m portal …`: the portal's command line."""

from portal.cli import main

raise SystemExit(main())
