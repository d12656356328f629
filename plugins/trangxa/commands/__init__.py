"""Subcommands of the `trangxa` command, one module each."""
