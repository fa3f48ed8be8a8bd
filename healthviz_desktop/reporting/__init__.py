"""What the doctor gets, drawn with Qt (QtGui only, no widgets): the PDF report, the label burned into
exported clips, and the export that puts them together. Works offscreen, so the CLI uses it too."""
