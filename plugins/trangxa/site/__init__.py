"""What the news, procedures and report plugins share: their names and how they reach each other."""
