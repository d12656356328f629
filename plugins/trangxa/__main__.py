"""`python -m trangxa …`: the same tool as the `trangxa` command."""

import sys

from trangxa.cli import entry

sys.exit(entry())
