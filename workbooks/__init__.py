"""PDF workbooks: the model's guidance laid out for print, rendered in the background."""
