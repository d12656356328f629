"""`python -m trangxa …`: the same tool as the `trangxa` command."""

import sys

from trangxa.cli import main

sys.exit(main())
