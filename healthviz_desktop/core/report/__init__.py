"""The doctor's report: the numbers its pages show (summary.py) and what an export writes beside it
(export_files.py). Drawing the PDF needs Qt and lives outside core, in healthviz_desktop/reporting/."""
