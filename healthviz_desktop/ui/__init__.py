"""Qt widgets over core: the journal window, its editor, trends and settings."""
