"""`python -m app` is the same entry point as the `insatslogg` command."""

import sys

from app.cli import main

sys.exit(main())
